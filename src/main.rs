//! The `muscat` binary: everything is in the library's `cli` module.

fn main() -> std::process::ExitCode {
    muscat::cli::main()
}
