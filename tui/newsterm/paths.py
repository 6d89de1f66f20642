"""Every filesystem location newsterm uses, with command-line and environment overrides."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

from platformdirs import user_config_path, user_data_path, user_downloads_path, user_state_path

from newsterm.errors import ConfigError

APP_NAME = "newsterm"
FEEDS_ENV = "NEWSTERM_FEEDS"
DB_ENV = "NEWSTERM_DB"
STATE_ENV = "NEWSTERM_STATE"


def feeds_path(cli_arg: str | os.PathLike[str] | None = None) -> Path:
    """feeds.toml: ``--feeds``, else ``$NEWSTERM_FEEDS``, else the XDG config directory."""
    return _chosen(cli_arg, FEEDS_ENV) or user_config_path(APP_NAME) / "feeds.toml"


def db_path(cli_arg: str | os.PathLike[str] | None = None) -> Path:
    """The SQLite cache: ``--db``, else ``$NEWSTERM_DB``, else the XDG data directory."""
    return _chosen(cli_arg, DB_ENV) or user_data_path(APP_NAME) / "newsterm.db"


def download_dir(setting: str = "") -> Path:
    """Where attachments go: ``settings.download_dir``, else the XDG download folder."""
    return Path(setting).expanduser() if setting else user_downloads_path()


def state_path() -> Path:
    """The app's remembered choices: ``$NEWSTERM_STATE``, else the XDG state directory."""
    return _chosen(None, STATE_ENV) or user_state_path(APP_NAME) / "state.json"


def _chosen(cli_arg: str | os.PathLike[str] | None, env_name: str) -> Path | None:
    """The path the command line or else the environment names, if either does."""
    chosen = cli_arg or os.environ.get(env_name)
    return Path(chosen).expanduser() if chosen else None


def default_feeds_text() -> str:
    """The feeds.toml that ships with newsterm."""
    return resources.files("newsterm").joinpath("default_feeds.toml").read_text("utf-8")


def demo_dir() -> Path:
    """The bundled sample feeds used by ``newsterm --demo``."""
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
