// axe-core on every page in the high contrast theme, English and Russian (tests/e2e/axe.mjs).
import { axeEveryPage } from './axe.mjs';

axeEveryPage('high_contrast');
