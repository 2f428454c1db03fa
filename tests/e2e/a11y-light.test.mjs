// axe-core on every page in the light theme, English and Russian (tests/e2e/axe.mjs).
import { axeEveryPage } from './axe.mjs';

axeEveryPage('light');
