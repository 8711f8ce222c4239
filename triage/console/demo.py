"""`helpline demo`: fills a fresh install with invented conversations, reports, cases and staff, so that a new
operator sees the console working. Every text here is invented for the demonstration."""

import logging
import random
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import redis
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from helpline.db import utcnow
from triage.audit.service import record
from triage.cases.models import Case, CaseConversation, Note, Referral
from triage.centres import service as centres
from triage.conversations.models import Author, Conversation, ConversationState, Direction, Message
from triage.queue import service as queue
from triage.reports.models import Report
from triage.reports.service import new_reference
from triage.scoring import assess
from triage.staff import service as staff_service
from triage.staff.models import Role, Staff

log = logging.getLogger(__name__)

STAFF = (
    ("nadia", "Nadia B.", Role.COUNSELLOR, "CASA"),
    ("youssef", "Youssef A.", Role.COUNSELLOR, "NAT"),
    ("karima", "Karima E.", Role.COUNSELLOR, "NORD"),
    ("salma", "Salma H.", Role.SUPERVISOR, None),
    ("admin", "Administration", Role.ADMIN, None),
)


@dataclass(frozen=True)
class Story:
    """One invented conversation: what the person wrote, and where it stands now."""

    channel: str
    region: str | None
    texts: tuple[str, ...]
    state: ConversationState
    minutes_ago: int
    reporter: str | None = None
    age: int | None = None
    bot: tuple[str, ...] = ()
    staff: tuple[str, ...] = ()
    report: dict[str, Any] = field(default_factory=dict)
    categories: tuple[str, ...] = ()
    referral: str | None = None
    outcome: str | None = None
    feedback: int | None = None


STORIES = (
    Story("whatsapp", "CS", ("salam, bba kaydrebni daba o 3ndo mos, khayfa bzaf", "ana f bit dyali, sakra lbab"),
          ConversationState.QUEUED, 1, reporter="child", age=13,
          bot=("Wach nti f amane daba? Ila kan chi khatar, 3ayti l 19 wla 2511.",),
          report={"report_danger_now": "yes", "report_perpetrator_access": "yes", "report_age": 13,
                  "report_region": "CS", "report_harm": "physical"}),
    Story("sms", None, ("I took all my mum's pills an hour ago, I feel dizzy",), ConversationState.QUEUED, 0,
          reporter="child", age=16, bot=("Please call 141 or 15 now. A counsellor is coming.",)),
    Story("telegram", "RSK", ("je suis harcelée au collège depuis des mois, ils publient des photos de moi",),
          ConversationState.QUEUED, 9, reporter="child", age=14, bot=("Merci de nous écrire. Tu n'es pas seule.",)),
    Story("sms", "MS", ("بغيت نهضر مع شي حد، الواليد كيضربني كل نهار",), ConversationState.QUEUED, 25,
          reporter="child", age=11),
    Story("whatsapp", "TTA", ("Bonjour, ma voisine de 12 ans ne va plus à l'école, elle travaille comme bonne",),
          ConversationState.QUEUED, 40, reporter="adult", age=12,
          report={"report_what": "child_labour", "report_age": 12, "report_region": "TTA",
                  "report_relation": "neighbour"}),
    Story("telegram", "SM", ("ⴰⵣⵓⵍ, ⵔⵉⵖ ⴰⴷ ⵙⵙⵉⵡⵍⵖ ⴷ ⵢⴰⵏ", "salam, bghit nhder m3a chi wa7ed"), ConversationState.QUEUED,
          70, reporter="child"),
    Story("whatsapp", "CS", ("khouya sghir tlef lina f souk, 3ndo 6 snin, ghadi ylil",), ConversationState.CLAIMED, 4,
          reporter="adult", age=6, staff=("Salam, ana Nadia. Fin bedbet chefto akher merra?",),
          categories=("missing.lost",)),
    Story("sms", "FM", ("my stepfather touched me last night and he is home now",), ConversationState.CLAIMED, 12,
          reporter="child", age=15, staff=("Hello, I am Youssef. Are you safe where you are right now?",),
          report={"report_danger_now": "yes", "report_harm": "sexual", "report_when": "last night", "report_age": 15},
          categories=("violence.sexual_abuse",), referral="POLICE-MINORS"),
    Story("telegram", "ORI", ("ana 3ayya mn l9raya o mn dar, ma bghitch n3ich",), ConversationState.CLOSED, 300,
          reporter="child", age=17, staff=("Chokran 3la tiqa dyalk. Wach 3ndk chi khotta bach tdorri rasek?",),
          categories=("mental_health.distress",), outcome="counselled", feedback=3),
    Story("sms", "BMK", ("bonjour c'est quoi ce numéro ?",), ConversationState.CLOSED, 600,
          bot=("Bonjour ! Ici le service d'écoute pour les enfants.",), categories=("non_counselling.information",),
          outcome="information_given", feedback=2),
    Story("whatsapp", "DT", ("بنت عمي عندها 15 عام وباغيين يزوجوها الشهر الجاي",), ConversationState.CLOSED, 900,
          reporter="adult", age=15, staff=("شكراً على تبليغك. سنتواصل مع المصالح المختصة في الجهة.",),
          categories=("violence.child_marriage",), referral="SOCIAL-SERVICES", outcome="referred", feedback=3),
    Story("telegram", "LSH", ("someone online says he will share my pictures unless I pay",), ConversationState.BOT, 15,
          reporter="child", age=16,
          bot=("That is not your fault. Do not pay. Would you like to talk to a counsellor?",)),
)  # fmt: skip

FILLER_TEXTS = (
    "salam", "bghit nsowel 3la l7o9o9 dyali", "mes parents se disputent tout le temps", "je me sens seule",
    "kayn chi wa7ed kay9ol liya klam khayb f l9raya", "I am being bullied at school", "test", "شكرا بزاف",
    "ma bghitch nrje3 l dar, khayf mn bba", "my friend cuts herself, what can I do",
)  # fmt: skip
REGIONS = ("CS", "RSK", "MS", "FM", "TTA", "SM", "ORI", "BMK", "DT", "GON", "LSH", "DOD")
CHANNELS = ("sms", "whatsapp", "telegram")
CATEGORIES_BY_LEVEL = {
    "P1": ("violence.physical_abuse", "mental_health.suicidal_thoughts_attempts"),
    "P2": ("violence.sexual_abuse", "mental_health.self_harm", "missing.runaway"),
    "P3": ("violence.bullying", "family_relationships", "mental_health.distress", "education_occupation"),
    "P4": ("non_counselling.information", "non_counselling.test"),
}


class AlreadyFilled(Exception):
    """The database already holds conversations; the demo only fills a fresh install (unless forced)."""


def _centre(region: str | None) -> str:
    regional = centres.for_region(region)
    return regional.code if regional is not None else centres.national_code()


def _staff(session: Session, password: str) -> dict[str, Staff]:
    accounts = {}
    for username, name, role, centre in STAFF:
        found = staff_service.by_username(session=session, username=username)
        accounts[username] = found or staff_service.create(
            session=session, username=username, password=password, role=role, centre_code=centre, display_name=name
        )
    return accounts


def _message(session: Session, conversation: Conversation, author: Author, body: str, at: datetime) -> None:
    direction = Direction.INBOUND if author == Author.USER else Direction.OUTBOUND
    session.add(Message(conversation_id=conversation.id, direction=direction, author=author, body=body, created_at=at))


def _assessed(story: Story) -> tuple[str, list[dict[str, str]], str]:
    level, signals, language = "P4", [], "fr"
    for text in story.texts:
        result = assess(text)
        level = min(level, str(result.level))
        signals += [{"code": s.code, "evidence": s.evidence} for s in result.signals]
        language = result.language or language
    if story.report.get("report_danger_now") == "yes":
        level = "P1"
    return level, signals, language


def _holder(accounts: dict[str, Staff], centre: str) -> Staff:
    return next((s for s in accounts.values() if s.centre_code == centre and s.role == Role.COUNSELLOR),
                accounts["youssef"])  # fmt: skip


def _story(session: Session, story: Story, accounts: dict[str, Staff], now: datetime) -> Conversation:
    level, signals, language = _assessed(story)
    opened = now - timedelta(minutes=story.minutes_ago + 3)
    centre = _centre(story.region)
    conversation = Conversation(
        channel=story.channel, pseudonym=secrets.token_hex(16), state=story.state, language=language,
        opened_at=opened, last_message_at=opened, level=level, signals=signals, region=story.region,
        centre_code=centre, reporter=story.reporter, child_age=story.age, feedback=story.feedback,
        handoff={"summary": story.texts[0][:80], "reason": "danger" if level == "P1" else "user_request",
                 "report": story.report} if story.state != ConversationState.BOT else {},
    )  # fmt: skip
    session.add(conversation)
    session.flush()
    at = opened
    for text in story.texts:
        _message(session, conversation, Author.USER, text, at)
        at += timedelta(seconds=40)
    for text in story.bot:
        _message(session, conversation, Author.BOT, text, at)
        at += timedelta(seconds=5)
    if story.state != ConversationState.BOT:
        conversation.queued_at = opened + timedelta(minutes=1) if story.minutes_ago else now - timedelta(seconds=20)
        conversation.deadline = conversation.queued_at + timedelta(seconds=queue.target_seconds(level))
        record(session=session, actor="triage", action="enqueue", conversation_id=conversation.id,
               detail={"level": level, "centre": centre})  # fmt: skip
    if story.state in (ConversationState.CLAIMED, ConversationState.CLOSED):
        holder = _holder(accounts, centre)
        conversation.claimed_by_id, conversation.claimed_at = holder.id, (conversation.queued_at or at) + timedelta(
            seconds=45 if level == "P1" else 300)  # fmt: skip
        record(session=session, actor=holder.username, action="claim", conversation_id=conversation.id)
        for text in story.staff:
            _message(session, conversation, Author.STAFF, text, conversation.claimed_at + timedelta(seconds=30))
    if story.state == ConversationState.CLOSED:
        conversation.claimed_by_id = None
        conversation.closed_at, conversation.outcome = opened + timedelta(minutes=40), story.outcome
        record(session=session, actor=_holder(accounts, centre).username, action="close",
               conversation_id=conversation.id, detail={"outcome": story.outcome})  # fmt: skip
    _extras(session, story, conversation, accounts, level, language)
    return conversation


def _extras(
    session: Session, story: Story, conversation: Conversation, accounts: dict[str, Staff], level: str, language: str
) -> None:
    if story.report:
        session.add(Report(reference=new_reference("R"), conversation_id=conversation.id, language=language,
                           answers=story.report, consent={"contact_back": False, "anonymous": True}, level=level,
                           signals=conversation.signals))  # fmt: skip
    if not story.categories:
        return
    author = _holder(accounts, conversation.centre_code or "NAT")
    case = Case(reference=new_reference("C"), centre_code=conversation.centre_code, region=conversation.region,
                categories=list(story.categories))  # fmt: skip
    session.add(case)
    session.flush()
    session.add(CaseConversation(case_id=case.id, conversation_id=conversation.id))
    session.add(Note(case_id=case.id, author_id=author.id, body="Demo: premier contact, à suivre demain matin."))
    if story.referral:
        session.add(Referral(case_id=case.id, service_code=story.referral, author_id=author.id))
    record(session=session, actor=author.username, action="case_opened", case_id=case.id,
           conversation_id=conversation.id)  # fmt: skip


def _history(session: Session, now: datetime, days: int, rng: random.Random) -> int:
    """Closed conversations over the past days, so that the dashboard has figures above the suppression threshold."""
    made = 0
    for day in range(1, days + 1):
        for _ in range(rng.randint(15, 40)):
            level = rng.choices(("P1", "P2", "P3", "P4"), weights=(1, 3, 6, 5))[0]
            opened = now - timedelta(days=day, minutes=rng.randint(0, 1300))
            queued = opened + timedelta(minutes=2)
            target = queue.target_seconds(level)
            wait = rng.uniform(0.2, 1.4) * (target if level != "P4" else 1800)
            region = rng.choice(REGIONS)
            conversation = Conversation(
                channel=rng.choices(CHANNELS, weights=(5, 4, 2))[0], pseudonym=secrets.token_hex(16),
                state=ConversationState.CLOSED, language=rng.choice(("darija_lat", "darija_ar", "fr", "ar", "en")),
                opened_at=opened, last_message_at=opened, level=level, region=region, centre_code=_centre(region),
                queued_at=queued, deadline=queued + timedelta(seconds=target),
                claimed_at=queued + timedelta(seconds=wait), closed_at=queued + timedelta(seconds=wait + 1200),
                outcome=rng.choice(("counselled", "referred", "information_given", "no_response")),
                feedback=rng.choice((None, None, 1, 2, 3, 3)),
            )  # fmt: skip
            session.add(conversation)
            session.flush()
            _message(session, conversation, Author.USER, rng.choice(FILLER_TEXTS), opened)
            case = Case(reference=new_reference("C"), centre_code=conversation.centre_code, region=region,
                        categories=[rng.choice(CATEGORIES_BY_LEVEL[level])])  # fmt: skip
            session.add(case)
            session.flush()
            session.add(CaseConversation(case_id=case.id, conversation_id=conversation.id))
            made += 1
    return made


def fill(*, session: Session, password: str, days: int = 30, force: bool = False, seed: int = 7) -> dict[str, int]:
    """Adds demo staff, live conversations, history, reports and cases; returns how many of each."""
    if not force and session.scalar(select(func.count()).select_from(Conversation)):
        raise AlreadyFilled("the database already has conversations; use --force to add the demo anyway")
    now = utcnow()
    accounts = _staff(session, password)
    live = [_story(session, story, accounts, now) for story in STORIES]
    history = _history(session, now, days, random.Random(seed))
    session.flush()
    try:
        queue.rebuild(session=session)
    except (RuntimeError, redis.RedisError):
        log.info("live queue not rebuilt now; the service rebuilds it when it starts")
    return {"staff": len(accounts), "conversations": len(live), "history": history,
            "waiting": sum(c.state == ConversationState.QUEUED for c in live)}  # fmt: skip


def new_password() -> str:
    """A random password for the demo accounts."""
    return secrets.token_urlsafe(12)


def demo_ids(session: Session) -> list[uuid.UUID]:
    """Ids of the conversations waiting now (for the command's summary)."""
    return list(session.scalars(select(Conversation.id).where(Conversation.state == ConversationState.QUEUED)))
