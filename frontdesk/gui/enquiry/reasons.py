"""The enquiry reasons as the adviser reads them: the built-in list's words translated
(context "Reasons"), an organisation's own reasons in the language of the screen when its
file gives one, each shown with its category ("Environment: Missed bin collection")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from frontdesk.store.reasons import Reason, ReasonList


def category_labels() -> dict[str, str]:
    return {
        "Housing": QCoreApplication.translate("Reasons", "Housing"),
        "Money": QCoreApplication.translate("Reasons", "Money"),
        "Health": QCoreApplication.translate("Reasons", "Health"),
        "Safety": QCoreApplication.translate("Reasons", "Safety"),
        "Family": QCoreApplication.translate("Reasons", "Family"),
        "Work": QCoreApplication.translate("Reasons", "Work"),
        "Environment": QCoreApplication.translate("Reasons", "Environment"),
        "Transport": QCoreApplication.translate("Reasons", "Transport"),
        "Education": QCoreApplication.translate("Reasons", "Education"),
        "Community": QCoreApplication.translate("Reasons", "Community"),
        "General": QCoreApplication.translate("Reasons", "General"),
    }


def builtin_labels() -> dict[str, str]:
    """Every built-in reason's words, by code (a test checks none is missing)."""
    return {
        "repair-request": QCoreApplication.translate("Reasons", "Repair to a home"),
        "homelessness": QCoreApplication.translate(
            "Reasons", "Homeless or at risk of homelessness"
        ),
        "council-tax-bill": QCoreApplication.translate("Reasons", "Council tax bill or payment"),
        "benefits-claim": QCoreApplication.translate("Reasons", "Benefits claim or payment"),
        "debt-advice": QCoreApplication.translate("Reasons", "Debt or money worries"),
        "care-support": QCoreApplication.translate("Reasons", "Care and support at home"),
        "mental-health": QCoreApplication.translate("Reasons", "Mental health support"),
        "report-crime": QCoreApplication.translate(
            "Reasons", "Report a crime or antisocial behaviour"
        ),
        "safeguarding-concern": QCoreApplication.translate("Reasons", "Safeguarding concern"),
        "childcare": QCoreApplication.translate("Reasons", "Childcare or children's services"),
        "bereavement": QCoreApplication.translate("Reasons", "Bereavement"),
        "job-seeking": QCoreApplication.translate("Reasons", "Looking for work or training"),
        "missed-collection": QCoreApplication.translate("Reasons", "Missed bin collection"),
        "fly-tipping": QCoreApplication.translate("Reasons", "Fly-tipping or litter"),
        "pest-control": QCoreApplication.translate("Reasons", "Pests or noise"),
        "road-fault": QCoreApplication.translate("Reasons", "Pothole, street light or road fault"),
        "parking": QCoreApplication.translate("Reasons", "Parking permit or fine"),
        "school-admission": QCoreApplication.translate("Reasons", "School place or admission"),
        "send-support": QCoreApplication.translate("Reasons", "Special educational needs"),
        "registration": QCoreApplication.translate(
            "Reasons", "Birth, death or marriage registration"
        ),
        "library": QCoreApplication.translate("Reasons", "Library services"),
        "general-information": QCoreApplication.translate("Reasons", "General information"),
        "complaint": QCoreApplication.translate("Reasons", "Complaint or compliment"),
    }


def _welsh() -> bool:
    return QLocale().language() == QLocale.Language.Welsh


def reason_label(reason: Reason) -> str:
    """The reason's own words (without its category)."""
    if reason.builtin:
        return builtin_labels().get(reason.code, reason.label)
    return reason.label_cy if _welsh() and reason.label_cy else reason.label


def reason_items(reasons: ReasonList) -> list[tuple[str, str]]:
    """(code, "Category: words") for a drop-down, grouped by category."""
    categories = category_labels()
    return [
        (r.code, f"{categories.get(category, category)}: {reason_label(r)}")
        for category, group in reasons.by_category()
        for r in group
    ]


def label_of(reasons: ReasonList, code: str | None) -> str | None:
    """What a stored code reads as; a code no longer on the list is shown as it is."""
    if code is None:
        return None
    reason = reasons.get(code)
    return reason_label(reason) if reason is not None else code
