"""Staff payloads."""

import uuid

from pydantic import BaseModel

from triage.staff.models import Role


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class StaffRead(BaseModel):
    id: uuid.UUID
    username: str
    display_name: str
    role: Role
    centre_code: str | None
