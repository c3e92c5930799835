//! Entry point of the web app: installs the panic hook and mounts `<App/>` — nothing else
//! (`ui::app::start` mounts it once the catalogue index is fetched and parsed, in a task of its
//! own).

fn main() {
    console_error_panic_hook::set_once();
    repere::ui::app::start();
}
