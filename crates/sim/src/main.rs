//! `cargo run -p klava-sim --release [-- --seeds N] [--sensitivity]`: prints the simulator's tables.

use klava_sim::report::{sensitivity_table, table};
use klava_sim::schedulers::Language;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seeds = args
        .iter()
        .position(|a| a == "--seeds")
        .and_then(|at| args.get(at + 1))
        .map(|n| n.parse::<u64>().unwrap_or_else(|_| fail(&format!("--seeds wants a number, not {n:?}"))))
        .unwrap_or(30);
    if seeds < 2 {
        fail("--seeds wants at least 2 (an interval needs two runs)");
    }
    let lang = Language::english();
    println!("Learner simulator: {seeds} seeds per row, targets 40 WPM and 95 % on US QWERTY, English.\n");
    print!("{}", table(&lang, seeds));
    if args.iter().any(|a| a == "--sensitivity") {
        println!("\nEach learner parameter at −50 % and +50 % (the others as fixed), typical learner:\n");
        print!("{}", sensitivity_table(&lang, seeds));
    }
}

fn fail(why: &str) -> ! {
    eprintln!("klava-sim: {why}");
    std::process::exit(2)
}
