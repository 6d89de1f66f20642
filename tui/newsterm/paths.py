"""Every filesystem location newsterm uses, with command-line and environment overrides."""

from __future__ import annotations

import os
from pathlib import Path

from newsterm.errors import ConfigError

# platformdirs and importlib.resources are imported where a default location or a bundled
# file is asked for: `newsterm refresh --feeds F --db D` from cron needs neither.

APP_NAME = "newsterm"
FEEDS_ENV = "NEWSTERM_FEEDS"
DB_ENV = "NEWSTERM_DB"
STATE_ENV = "NEWSTERM_STATE"


def feeds_path(cli_arg: str | os.PathLike[str] | None = None) -> Path:
    """feeds.toml: ``--feeds``, else ``$NEWSTERM_FEEDS``, else the XDG config directory."""
    if chosen := _chosen(cli_arg, FEEDS_ENV):
        return chosen
    from platformdirs import user_config_path

    return user_config_path(APP_NAME) / "feeds.toml"


def db_path(cli_arg: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite cache: ``--db``, else ``$NEWSTERM_DB``, else the XDG data directory."""
    if chosen := _chosen(cli_arg, DB_ENV):
        return chosen
    from platformdirs import user_data_path

    return user_data_path(APP_NAME) / "newsterm.db"


def download_dir(setting: str = "") -> Path:
    """Where attachments go: ``settings.download_dir``, else the XDG download folder."""
    if setting:
        return Path(setting).expanduser()
    from platformdirs import user_downloads_path

    return user_downloads_path()


def state_path() -> Path:
    """The app's remembered choices: ``$NEWSTERM_STATE``, else the XDG state directory."""
    if chosen := _chosen(None, STATE_ENV):
        return chosen
    from platformdirs import user_state_path

    return user_state_path(APP_NAME) / "state.json"


def _chosen(cli_arg: str | os.PathLike[str] | None, env_name: str) -> Path | None:
    """The path the command line or else the environment names, if either does."""
    chosen = cli_arg or os.environ.get(env_name)
    return Path(chosen).expanduser() if chosen else None


def default_feeds_text() -> str:
    """The feeds.toml that ships with newsterm."""
    from importlib import resources

    return resources.files("newsterm").joinpath("default_feeds.toml").read_text("utf-8")


def demo_dir() -> Path:
    """The bundled sample feeds used by ``newsterm --demo``."""
    from importlib import resources

    return Path(str(resources.files("newsterm").joinpath("data", "demo")))


def ensure_feeds_file(path: Path) -> bool:
    """Create ``path`` from the default config if it is missing; True when created."""
    if path.exists():
        return False
    # Exclusive create: two first runs at once must not truncate each other's file.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as f:
            f.write(default_feeds_text())
    except FileExistsError:
        return False
    except OSError as exc:
        raise ConfigError(path, [f"{path}: cannot create it: {exc.strerror or exc}"]) from None
    return True
