//! The parse-only floor of the benchmark (BENCHMARKS.md): load the data folder, walk the
//! inbox, read, decode and parse every submission, and nothing else (no merge, no output).
//!
//! `cargo run --release --example parse_floor -- --data DIR`

fn main() {
    let mut args = std::env::args().skip(1);
    let mut dir = std::path::PathBuf::from("data");
    while let Some(a) = args.next() {
        if a == "--data" {
            dir = args.next().expect("--data DIR").into();
        }
    }
    let data = match baocao::input::load_data(&dir) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{} problems in the data folder", e.diags.len());
            std::process::exit(2);
        }
    };
    let refs = baocao::input::submission::Reference::of(&data);
    let inbox = match baocao::input::inbox::read_inbox(&dir, &refs, &|_| true) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let tasks: usize = inbox.files().iter().map(|s| s.tasks.len()).sum();
    println!("{} files, {} task reports", inbox.len(), tasks);
}
