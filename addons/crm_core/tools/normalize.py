"""The duplicate guard's keys: names, phones, e-mails and tax IDs reduced to what
two spellings of the same customer share. Pure functions, imported by the customer
feature and its tests."""

import re
import unicodedata

# Customer profile: what the duplicate guard ignores when it compares names.
LEGAL_SUFFIXES_LATIN = {
    "ag",
    "bv",
    "co",
    "company",
    "corp",
    "corporation",
    "gmbh",
    "inc",
    "incorporated",
    "kg",
    "limited",
    "llc",
    "ltd",
    "mbh",
    "plc",
    "pte",
    "sa",
    "sarl",
    "srl",
}
LEGAL_SUFFIXES_CJK = ("股份有限公司", "有限责任公司", "有限公司", "集团", "公司")


def normalize_name(name):
    """Lower-case, without punctuation, spaces and legal suffixes (Co., Ltd., 有限公司)."""
    text = unicodedata.normalize("NFKC", name or "").lower()
    tokens = [token for token in re.split(r"[\W_]+", text) if token]
    while len(tokens) > 1 and tokens[-1] in LEGAL_SUFFIXES_LATIN:
        tokens.pop()
    key = "".join(tokens)
    stripped = True
    while stripped:
        stripped = False
        for suffix in LEGAL_SUFFIXES_CJK:
            if key.endswith(suffix) and len(key) > len(suffix):
                key = key[: -len(suffix)]
                stripped = True
                break
    return key or False


def normalize_phone(phone):
    """Digits only, without the Chinese country code and trunk zeros; last 11 digits."""
    digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", phone or ""))
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) > 11:
        digits = digits[2:]
    digits = digits.lstrip("0")[-11:]
    return digits if len(digits) >= 5 else False


def normalize_email(email):
    return (email or "").strip().lower() or False


def normalize_vat(vat):
    return re.sub(r"[^0-9A-Z]", "", unicodedata.normalize("NFKC", vat or "").upper()) or False
