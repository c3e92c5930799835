//! Entry point of the web app: installs the panic hook and mounts `<App/>` — nothing else
//! (`ui::app::start` mounts it once the catalogue index is fetched and parsed, in a task of its
//! own).

fn main() {
    // A panic says what and where in the browser's console. (Not `console_error_panic_hook`:
    // the JavaScript stack it adds names no Rust function in a release build.)
    std::panic::set_hook(Box::new(|info| leptos::logging::error!("{info}")));
    repere::ui::app::start();
}
