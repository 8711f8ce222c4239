"""The console's words in French, Arabic (right to left) and English; the reader's language from a cookie."""

from functools import lru_cache

from fastapi import Request

LANGUAGES = ("fr", "ar", "en")
DEFAULT = "fr"
LANGUAGE_COOKIE = "helpline_lang"

# key: (French, Arabic, English)
WORDS: dict[str, tuple[str, str, str]] = {
    "app_name": ("Console d'écoute", "منصة الإنصات", "Listening console"),
    "queue": ("File d'attente", "قائمة الانتظار", "Queue"),
    "dashboard": ("Tableau de bord", "لوحة المتابعة", "Dashboard"),
    "audit": ("Journal d'audit", "سجل التدقيق", "Audit log"),
    "logout": ("Se déconnecter", "تسجيل الخروج", "Sign out"),
    "signed_in_as": ("Connecté·e :", "متصل(ة) باسم:", "Signed in as"),
    "skip_to_content": ("Aller au contenu", "انتقل إلى المحتوى", "Skip to content"),
    "login_title": ("Connexion du personnel", "دخول الموظفين", "Staff sign-in"),
    "username": ("Identifiant", "اسم المستخدم", "Username"),
    "password": ("Mot de passe", "كلمة المرور", "Password"),
    "sign_in": ("Se connecter", "دخول", "Sign in"),
    "login_refused": (
        "Identifiant ou mot de passe incorrect, ou compte verrouillé après trop d'essais.",
        "اسم المستخدم أو كلمة المرور غير صحيحة، أو الحساب مقفل بعد محاولات كثيرة.",
        "Wrong username or password, or the account is locked after too many attempts.",
    ),
    "login_expired": (
        "Le formulaire a expiré ; veuillez réessayer.",
        "انتهت صلاحية النموذج؛ حاول مرة أخرى.",
        "The form expired; please try again.",
    ),
    "forbidden_title": ("Accès refusé", "الدخول مرفوض", "Access refused"),
    "forbidden_role": (
        "Cette page est réservée aux superviseur·e·s.",
        "هذه الصفحة مخصصة للمشرفين.",
        "This page is for supervisors.",
    ),
    "forbidden_centre": (
        "Ce dossier appartient à un autre centre.",
        "هذا الملف تابع لمركز آخر.",
        "This belongs to another centre.",
    ),
    "csrf_refused": (
        "Requête refusée (jeton de sécurité manquant).",
        "تم رفض الطلب (رمز الأمان مفقود).",
        "Request refused (missing security token).",
    ),
    "not_found": ("Introuvable.", "غير موجود.", "Not found."),
    "status": ("Statut", "الحالة", "Status"),
    "moved_away": (
        "La conversation est maintenant dans la file d'un autre centre.",
        "المحادثة الآن في قائمة مركز آخر.",
        "The conversation is now in another centre's queue.",
    ),
    "live_queue": ("File en direct", "قائمة الانتظار المباشرة", "Live queue"),
    "my_conversations": ("Mes conversations", "محادثاتي", "My conversations"),
    "claimed_conversations": ("Conversations en cours", "محادثات جارية", "Conversations in progress"),
    "no_waiting": ("Personne n'attend.", "لا أحد في الانتظار.", "Nobody is waiting."),
    "none": ("Aucune.", "لا شيء.", "None."),
    "level": ("Niveau", "المستوى", "Level"),
    "signals": ("Signaux (preuves)", "المؤشرات (الأدلة)", "Signals (evidence)"),
    "waiting": ("Attente / objectif", "الانتظار / الهدف", "Waiting / target"),
    "channel": ("Canal", "القناة", "Channel"),
    "language": ("Langue", "اللغة", "Language"),
    "region": ("Région", "الجهة", "Region"),
    "age": ("Âge", "السن", "Age"),
    "centre": ("Centre", "المركز", "Centre"),
    "holder": ("Pris par", "مع", "With"),
    "take": ("Prendre", "تكفّل", "Take"),
    "open": ("Ouvrir", "فتح", "Open"),
    "overdue": ("en retard", "متأخر", "overdue"),
    "left": ("restant", "متبقٍ", "left"),
    "new_p1_alert": (
        "Nouvelle conversation P1 : danger immédiat. Prenez-la maintenant.",
        "محادثة جديدة P1: خطر فوري. تكفّل بها الآن.",
        "New P1 conversation: immediate danger. Take it now.",
    ),
    "enable_sound": ("Activer le son", "تفعيل الصوت", "Turn sound on"),
    "sound_on": ("Son activé", "الصوت مفعّل", "Sound on"),
    "enable_notifications": ("Activer les notifications", "تفعيل الإشعارات", "Turn notifications on"),
    "sla_breach_alert": (
        "Délai dépassé : une conversation P1 attend au-delà de l'objectif.",
        "تجاوز المهلة: محادثة P1 تنتظر أكثر من الهدف.",
        "Target missed: a P1 conversation is waiting past its deadline.",
    ),
    "live_connected": ("Mises à jour en direct", "تحديث مباشر", "Live updates on"),
    "live_lost": (
        "Connexion perdue ; reconnexion…",
        "انقطع الاتصال؛ جارٍ إعادة الاتصال…",
        "Connection lost; reconnecting…",
    ),
    "taken_by": ("Déjà prise par", "تكفّل بها", "Already taken by"),
    "dismiss": ("Fermer", "إغلاق", "Dismiss"),
    "transcript": ("Échanges", "المحادثة", "Transcript"),
    "handoff_packet": ("Transmis par l'assistant", "ملخص المساعد", "Handoff from the assistant"),
    "reports": ("Signalements", "التبليغات", "Reports"),
    "no_reports": ("Aucun signalement.", "لا توجد تبليغات.", "No reports."),
    "reply": ("Répondre", "الرد", "Reply"),
    "send": ("Envoyer", "إرسال", "Send"),
    "segments": ("segments SMS", "أجزاء SMS", "SMS segments"),
    "characters": ("caractères", "حروف", "characters"),
    "template_needed": (
        "La fenêtre WhatsApp de 24 h est fermée : seul le modèle approuvé peut être envoyé "
        "(ContentSid {sid}). Le message n'est pas parti.",
        "نافذة واتساب 24 ساعة مغلقة: لا يمكن إرسال إلا القالب المعتمد (ContentSid {sid}). لم تُرسل الرسالة.",
        "The WhatsApp 24-hour window has closed: only the approved template can be sent (ContentSid {sid}). "
        "The message did not go out.",
    ),
    "opted_out": (
        "La personne a écrit STOP : aucun message ne peut lui être envoyé.",
        "كتب الشخص STOP: لا يمكن إرسال أي رسالة.",
        "The person sent STOP: no message can be sent.",
    ),
    "sent": ("Envoyé", "أُرسلت", "Sent"),
    "canned_replies": ("Réponses types", "ردود جاهزة", "Canned replies"),
    "notes": ("Notes", "ملاحظات", "Notes"),
    "add_note": ("Ajouter la note", "أضف الملاحظة", "Add note"),
    "case": ("Dossier", "الملف", "Case"),
    "open_case": ("Ouvrir un dossier", "فتح ملف", "Open a case"),
    "categories": ("Catégories", "الفئات", "Categories"),
    "save_categories": ("Enregistrer les catégories", "حفظ الفئات", "Save categories"),
    "referral": ("Orientation", "الإحالة", "Referral"),
    "refer": ("Orienter", "أحِل", "Refer"),
    "referrals": ("Orientations", "الإحالات", "Referrals"),
    "transfer": ("Transférer", "تحويل", "Transfer"),
    "to_colleague": ("à un·e collègue", "إلى زميل(ة)", "to a colleague"),
    "to_centre": ("à un centre", "إلى مركز", "to a centre"),
    "release": ("Rendre à l'assistant", "إرجاع إلى المساعد", "Release to the bot"),
    "close": ("Clore", "إنهاء", "Close"),
    "outcome": ("Issue", "النتيجة", "Outcome"),
    "set_level": ("Changer le niveau", "تغيير المستوى", "Set level"),
    "state": ("État", "الحالة", "State"),
    "reporter": ("Qui écrit", "من يكتب", "Writer"),
    "back_to_queue": ("Retour à la file", "العودة إلى القائمة", "Back to the queue"),
    "done": ("C'est fait.", "تم.", "Done."),
    "error": ("Erreur :", "خطأ:", "Error:"),
    "actions": ("Actions", "إجراءات", "Actions"),
    "state_bot": ("avec l'assistant", "مع المساعد", "with the bot"),
    "state_queued": ("en attente", "في الانتظار", "waiting"),
    "state_claimed": ("prise en charge", "قيد المتابعة", "taken"),
    "state_closed": ("close", "منتهية", "closed"),
    "author_user": ("Personne", "الشخص", "Person"),
    "author_bot": ("Assistant", "المساعد", "Bot"),
    "author_staff": ("Écoutant·e", "المستمع(ة)", "Counsellor"),
    "author_system": ("Système", "النظام", "System"),
    "outcome_counselled": ("écoute et conseil", "إنصات وتوجيه", "counselled"),
    "outcome_referred": ("orienté vers un service", "أُحيل إلى مصلحة", "referred"),
    "outcome_information_given": ("information donnée", "قُدمت معلومات", "information given"),
    "outcome_report_taken": ("signalement pris", "أُخذ التبليغ", "report taken"),
    "outcome_no_response": ("sans réponse", "بدون رد", "no response"),
    "outcome_test_or_prank": ("test ou canular", "تجربة أو مزاح", "test or prank"),
    "outcome_other": ("autre", "أخرى", "other"),
    "period": ("Période", "الفترة", "Period"),
    "days": ("jours", "أيام", "days"),
    "show": ("Afficher", "عرض", "Show"),
    "contacts_per_day": ("Contacts par jour", "الاتصالات يومياً", "Contacts per day"),
    "by_channel": ("par canal", "حسب القناة", "by channel"),
    "by_level": ("par niveau", "حسب المستوى", "by level"),
    "by_category": ("par catégorie", "حسب الفئة", "by category"),
    "by_region": ("par région", "حسب الجهة", "by region"),
    "time_to_claim": ("Délai de prise en charge", "مدة التكفل", "Time to claim"),
    "median": ("médiane", "الوسيط", "median"),
    "p90": ("90e centile", "المئين 90", "90th percentile"),
    "count": ("nombre", "العدد", "count"),
    "p1_within_target": (
        "Part des P1 prises dans l'objectif",
        "نسبة P1 المتكفل بها في الوقت",
        "Share of P1 claimed within target",
    ),
    "feedback": ("Avis des usagers (1–3)", "تقييم المستخدمين (1–3)", "Feedback scores (1–3)"),
    "suppressed_note": (
        "Les effectifs inférieurs à {k} sont masqués (« x »), et d'autres avec eux quand un total permettrait de"
        " les retrouver, pour qu'aucun enfant ne puisse être reconnu.",
        "الأعداد الأقل من {k} مخفية («x»)، ومعها أعداد أخرى إذا كان المجموع يسمح باستنتاجها، حتى لا يمكن التعرف على"
        " أي طفل.",
        "Counts below {k} are hidden (“x”), and so are others wherever a total would give them away, so that no"
        " child can be identified.",
    ),
    "export_csv": ("Exporter en CSV", "تصدير CSV", "Export CSV"),
    "total": ("Total", "المجموع", "Total"),
    "date": ("Date", "التاريخ", "Date"),
    "when": ("Quand", "متى", "When"),
    "actor": ("Qui", "من", "Who"),
    "action": ("Action", "الإجراء", "Action"),
    "conversation": ("Conversation", "المحادثة", "Conversation"),
    "detail": ("Détail", "التفاصيل", "Detail"),
    "filter": ("Filtrer", "تصفية", "Filter"),
    "limit": ("Lignes", "الأسطر", "Rows"),
    "no_data": ("Pas de données.", "لا توجد بيانات.", "No data."),
    "choose": ("Choisir…", "اختر…", "Choose…"),
    "national_queue": ("file nationale", "القائمة الوطنية", "national queue"),
    "all_queues": ("toutes les files", "كل القوائم", "all queues"),
}


def language_of(request: Request) -> str:
    """The reader's language: their choice (cookie), else their browser's, else French."""
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip()[:2].lower()
        if code in LANGUAGES:
            return code
    return DEFAULT


@lru_cache
def translations(language: str) -> dict[str, str]:
    """Every word of the console in one language."""
    index = LANGUAGES.index(language if language in LANGUAGES else DEFAULT)
    return {key: words[index] for key, words in WORDS.items()}
