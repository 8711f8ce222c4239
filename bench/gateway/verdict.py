"""What the sustained run counted, and whether that proves "0 lost, 0 duplicated" (no project imports: tested alone)."""

from dataclasses import dataclass, fields


@dataclass
class Counts:
    """Everything the sustained run counted, from the webhook posts to the stand-in of the provider."""

    posted: int  # distinct MessageSids posted by the simulated provider
    acknowledged: int  # distinct MessageSids that got a 2xx (possibly after the provider's retries)
    redeliveries: int  # second posts of an acknowledged MessageSid (Twilio retries)
    redeliveries_acknowledged: int
    stored: int  # inbox rows carrying one of the posted MessageSids
    stored_distinct: int  # distinct MessageSids among them
    user_messages: int  # user messages in the transcripts of the run's conversations
    worked: int  # inbox rows worked to the end (bot answer or safe fallback)
    fallbacks: int  # of which the bot was down or gave no answer (the safe reply went out)
    given_up: int  # inbox rows given up after repeated failures
    unfinished: int  # inbox rows still pending or working
    replies_queued: int  # outbox rows of the run's contacts
    replies_accepted: int  # of which the provider accepted (or later reported sent, delivered, read)
    replies_failed: int  # of which failed for good
    replies_received: int  # messages the stand-in received for the run's addresses
    unanswered: int  # acknowledged messages beyond the replies their address received
    drained: bool  # everything was worked and sent before the deadline


def problems(counts: Counts) -> list[str]:
    """Each way the counts show a message lost or duplicated; empty when there is none."""
    found = []

    def check(ok: bool, text: str) -> None:
        if not ok:
            found.append(text)

    check(counts.drained, "not drained before the deadline")
    check(counts.acknowledged == counts.posted, f"{counts.posted - counts.acknowledged} posts never acknowledged")
    check(counts.redeliveries_acknowledged == counts.redeliveries, "a redelivery was not acknowledged")
    check(counts.stored >= counts.acknowledged, f"{counts.acknowledged - counts.stored} acknowledged but not stored")
    check(counts.stored == counts.stored_distinct, f"{counts.stored - counts.stored_distinct} stored twice")
    check(counts.stored <= counts.acknowledged, f"{counts.stored - counts.acknowledged} stored but never acknowledged")
    check(counts.user_messages >= counts.stored, f"{counts.stored - counts.user_messages} missing from transcripts")
    check(counts.user_messages <= counts.stored, f"{counts.user_messages - counts.stored} duplicated in transcripts")
    check(counts.given_up == 0, f"{counts.given_up} given up")
    check(counts.worked == counts.stored, f"{counts.stored - counts.worked} not worked")
    check(counts.replies_accepted == counts.replies_queued, "replies not accepted by the provider")
    check(counts.replies_received >= counts.replies_accepted, "replies accepted but not received")
    check(counts.replies_received <= counts.replies_accepted, "replies received more than once")
    check(counts.unanswered == 0, f"{counts.unanswered} messages without a reply")
    return found


def report(counts: Counts) -> list[str]:
    """The counts, one per line, then the verdict line."""
    lines = [f"  {field.name:28} {getattr(counts, field.name)}" for field in fields(counts)]
    found = problems(counts)
    verdict = "0 lost, 0 duplicated" if not found else "FAILED: " + "; ".join(found)
    return [*lines, f"  {'verdict':28} {verdict}"]
