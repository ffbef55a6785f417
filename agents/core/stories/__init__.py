"""One alert per real event: story assembly (`assemble.decide`), identities, and the stored state."""

from agents.core.stories.assemble import apply, decide, partition_key, release
from agents.core.stories.index import Stories
from agents.core.stories.model import Decision, StoryReason, StoryState

__all__ = [
    "Decision",
    "Stories",
    "StoryReason",
    "StoryState",
    "apply",
    "decide",
    "partition_key",
    "release",
]
