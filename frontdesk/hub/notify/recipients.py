"""Who a message may go to: a UK mobile number for a text, a deliverable-looking e-mail
address for an e-mail. Checked when the desk's event arrives, so a bad one is a stored
rejection with its reason, never a Notify error later."""

from __future__ import annotations

import phonenumbers
from email_validator import EmailNotValidError, validate_email

SMS, EMAIL = "sms", "email"
CHANNELS = (SMS, EMAIL)


def check_recipient(channel: str, text: str) -> str:
    """The recipient in the form Notify is given (E.164, or the normalised address);
    ValueError with the reason if it cannot be sent to."""
    if channel == SMS:
        try:
            number = phonenumbers.parse(text, "GB")
        except phonenumbers.NumberParseException:
            raise ValueError("data.recipient is not a telephone number") from None
        if number.country_code != 44 or not _uk_mobile(number) or number.extension:
            raise ValueError("data.recipient must be a UK mobile number for a text")
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if channel == EMAIL:
        try:
            return validate_email(text, check_deliverability=False).normalized
        except EmailNotValidError:
            raise ValueError("data.recipient is not an e-mail address") from None
    raise ValueError("data.channel must be 'sms' or 'email'")


def _uk_mobile(number: phonenumbers.PhoneNumber) -> bool:
    """A number the library knows as mobile, or one of full length in the UK's mobile
    ranges (071–075, 077–079): Ofcom's drama range (07700 900xxx) and ranges allocated
    since the library's data was built are real mobiles too. 070 and 076 are not."""
    if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE:
        return True
    digits = phonenumbers.national_significant_number(number)
    return len(digits) == 10 and digits[:2] in {"71", "72", "73", "74", "75", "77", "78", "79"}
