"""The stand-in's HTTP API: Twilio's Messages.json, Telegram's Bot API methods, and what it received."""

import asyncio
import base64
import json
import threading
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from twilio.request_validator import RequestValidator

from channels.sandbox import config


@dataclass
class Received:
    """One message a sender handed to the stand-in."""

    index: int
    provider: str
    method: str
    to: str
    text: str
    buttons: list[dict[str, str]]
    fields: dict[str, str]
    at: float


@dataclass
class Fault:
    """The answer the stand-in gives instead of success, once."""

    status: int
    retry_after: float | None = None


@dataclass
class Sandbox:
    """The stand-in's state: credentials it accepts, what it received, faults queued per provider."""

    account_sid: str = config.ACCOUNT_SID
    auth_token: str = config.AUTH_TOKEN
    bot_token: str = config.BOT_TOKEN
    status_callbacks: bool = True
    received: list[Received] = field(default_factory=list)
    faults: dict[str, list[Fault | None]] = field(default_factory=dict)
    calls: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, provider: str, *faults: Fault | None) -> None:
        """Queues faults for the next calls of a provider ("twilio" or "telegram"); None lets that call succeed."""
        with self.lock:
            self.faults.setdefault(provider, []).extend(faults)

    def _fault(self, provider: str) -> Fault | None:
        with self.lock:
            self.calls[provider] = self.calls.get(provider, 0) + 1
            queue = self.faults.get(provider) or []
            return queue.pop(0) if queue else None

    def _record(self, **values: Any) -> Received:
        with self.lock:
            item = Received(index=len(self.received), at=time.time(), **values)
            self.received.append(item)
            return item

    def messages(self, *, to: str | None = None, after: int = 0) -> list[Received]:
        """What was received (optionally for one address), from index `after` on."""
        with self.lock:
            return [m for m in self.received[after:] if to is None or m.to == to]


def _twilio_error(status: int, message: str, code: int, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"code": code, "message": message, "more_info": "", "status": status}
    return JSONResponse(body, status_code=status, headers=headers)


def _telegram_error(status: int, description: str, retry_after: float | None = None) -> JSONResponse:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": int(retry_after)}
    return JSONResponse(body, status_code=status)


async def _fields(request: Request) -> dict[str, str]:
    if request.headers.get("content-type", "").startswith("application/json"):
        data = await request.json()
        return {k: v if isinstance(v, str) else json.dumps(v) for k, v in data.items()}
    form = await request.form()
    return {k: v for k, v in form.items() if isinstance(v, str)}


def create_app(sandbox: Sandbox) -> FastAPI:
    """The stand-in application around one Sandbox state."""
    app = FastAPI(title="Helpline sandbox (Twilio and Telegram stand-in)")
    app.state.sandbox = sandbox
    pending: set[asyncio.Task[None]] = set()

    @app.post("/2010-04-01/Accounts/{account_sid}/Messages.json")
    async def twilio_messages(account_sid: str, request: Request) -> JSONResponse:
        credentials = base64.b64encode(f"{sandbox.account_sid}:{sandbox.auth_token}".encode()).decode()
        expected = f"Basic {credentials}"
        if account_sid != sandbox.account_sid or request.headers.get("authorization") != expected:
            return _twilio_error(401, "Authenticate", 20003)
        fields = await _fields(request)
        fault = sandbox._fault("twilio")
        if fault is not None:
            headers = {"Retry-After": str(int(fault.retry_after))} if fault.retry_after is not None else None
            return _twilio_error(fault.status, "sandbox fault", 20429 if fault.status == 429 else 21211, headers)
        if not fields.get("To") or not (fields.get("Body") or fields.get("ContentSid")):
            return _twilio_error(400, "A 'To' and a 'Body' or 'ContentSid' are required", 21604)
        sid = "SM" + uuid.uuid4().hex
        text = fields.get("Body") or f"[template {fields.get('ContentSid')}] {fields.get('ContentVariables', '')}"
        sandbox._record(
            provider="twilio", method="Messages.json", to=fields["To"], text=text, buttons=[], fields=fields
        )
        callback = fields.get("StatusCallback")
        if callback and sandbox.status_callbacks:
            task = asyncio.create_task(_report_status(sandbox, callback, sid, fields))
            pending.add(task)
            task.add_done_callback(pending.discard)
        body = {
            "sid": sid,
            "account_sid": account_sid,
            "to": fields["To"],
            "from": fields.get("From"),
            "body": fields.get("Body"),
            "status": "queued",
            "num_segments": "1",
            "direction": "outbound-api",
            "api_version": "2010-04-01",
            "uri": f"/2010-04-01/Accounts/{account_sid}/Messages/{sid}.json",
        }
        return JSONResponse(body, status_code=201)

    @app.post("/bot{token}/{method}")
    async def telegram_method(token: str, method: str, request: Request) -> JSONResponse:
        if token != sandbox.bot_token:
            return _telegram_error(401, "Unauthorized")
        fields = await _fields(request)
        fault = sandbox._fault("telegram") if method == "sendMessage" else None
        if fault is not None:
            description = "Too Many Requests: retry later" if fault.status == 429 else "Bad Request: sandbox fault"
            return _telegram_error(fault.status, description, fault.retry_after)
        return JSONResponse({"ok": True, "result": _telegram_result(sandbox, method, fields)})

    @app.get("/sandbox/messages")
    def messages(to: str | None = None, after: int = 0) -> list[dict[str, Any]]:
        return [asdict(m) for m in sandbox.messages(to=to, after=after)]

    @app.post("/sandbox/faults/{provider}")
    def faults(provider: str, statuses: list[int]) -> dict[str, int]:
        sandbox.fail_next(provider, *(Fault(status) for status in statuses))
        return {"queued": len(statuses)}

    return app


def _telegram_result(sandbox: Sandbox, method: str, fields: dict[str, str]) -> Any:
    if method == "getMe":
        return {"id": 100000, "is_bot": True, "first_name": "Helpline sandbox", "username": "helpline_sandbox_bot"}
    if method == "sendMessage":
        markup = json.loads(fields.get("reply_markup") or "{}")
        buttons = [
            {"title": str(b.get("text")), "data": str(b.get("callback_data"))}
            for row in markup.get("inline_keyboard", [])
            for b in row
        ]
        item = sandbox._record(
            provider="telegram", method=method, to=fields.get("chat_id", ""), text=fields.get("text", ""),
            buttons=buttons, fields=fields,
        )  # fmt: skip
        chat_id = int(fields.get("chat_id") or 0)
        return {
            "message_id": item.index + 1,
            "date": int(item.at),
            "chat": {"id": chat_id, "type": "private"},
            "text": fields.get("text", ""),
            **({"reply_markup": markup} if markup else {}),
        }
    if method == "getWebhookInfo":
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
    if method in ("answerCallbackQuery", "setWebhook", "deleteWebhook"):
        sandbox._record(provider="telegram", method=method, to="", text="", buttons=[], fields=fields)
    return True


async def _report_status(sandbox: Sandbox, callback: str, sid: str, fields: dict[str, str]) -> None:
    """Reports sent then delivered to the StatusCallback, signed like Twilio."""
    validator = RequestValidator(sandbox.auth_token)
    async with httpx.AsyncClient(timeout=5) as client:
        for status in ("sent", "delivered"):
            await asyncio.sleep(0.05)
            params = {
                "MessageSid": sid,
                "MessageStatus": status,
                "AccountSid": sandbox.account_sid,
                "To": fields.get("To", ""),
                "From": fields.get("From", ""),
            }
            headers = {"X-Twilio-Signature": validator.compute_signature(callback, params)}
            try:
                await client.post(callback, data=params, headers=headers)
            except httpx.HTTPError:
                return
