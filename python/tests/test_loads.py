"""The Rust JSON-to-objects path (`_claimex.loads`, used for every record) gives what
`json.loads` gives, on the records' own shapes and on anything a document's `meta` may hold."""
import json
import random

import pytest

from claimex import _claimex

CASES = [
    "{}",
    "[]",
    '{"a": 1, "b": [1, 2.5, -3e-2, 1E400, -0], "c": null, "d": true, "e": false}',
    '  {"pad" :\t[ 1 ,\n 2 ] }  ',
    '"plain"',
    r'"esc \" \\ \/ \b \f \n \r \t \u00e9 \u20ac"',
    r'"pair \ud83d\ude00 end"',
    r'"lone \ud800 surrogate"',
    r'"lone low \udc00"',
    '"ünïcödé 中文 😀"',
    "12345678901234567890123456789",
    "-9223372036854775808",
    "9223372036854775808",
    '{"dup": 1, "dup": 2}',
    "[" * 300 + "]" * 300,
    '{"k\\u0041y": "v"}',
]


@pytest.mark.parametrize("text", CASES)
def test_same_value_as_json_loads(text):
    want = json.loads(text)
    got = _claimex.loads(text)
    assert got == want and type(got) is type(want)
    assert json.dumps(got) == json.dumps(want)  # key order and float spelling too


NOT_JSON = ["", "{", '{"a" 1}', "[1,]", "01", "1.", ".5", "1e", "1e+", "-", "+1", "--1", "1-2"]
NOT_JSON += ['"\x01"', '"open', r'"\x"', r'"\u12"', "nul", "1 2", "{'a': 1}", '{"a":1,}']


@pytest.mark.parametrize("text", NOT_JSON)
def test_text_that_is_not_json_raises_as_json_loads_does(text):
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    with pytest.raises(json.JSONDecodeError):
        _claimex.loads(text)


def _random_value(rng, depth=0):
    kind = rng.randrange(8 if depth < 4 else 5)
    if kind == 0:
        return rng.randrange(-(10**12), 10**12)
    if kind == 1:
        return rng.uniform(-1e6, 1e6)
    if kind == 2:
        alphabet = 'ab "\\\n\t\x00\x1fé€😀\ud7ff/'
        return "".join(rng.choice(alphabet) for _ in range(rng.randrange(12)))
    if kind == 3:
        return rng.choice([None, True, False])
    if kind == 4:
        return rng.choice(["PERSON", "ORG", "said", ""])
    if kind in (5, 6):
        keys = (f"k{rng.randrange(30)}" for _ in range(rng.randrange(5)))
        return {k: _random_value(rng, depth + 1) for k in keys}
    return [_random_value(rng, depth + 1) for _ in range(rng.randrange(5))]


def test_random_values_round_trip():
    rng = random.Random(7)
    for _ in range(2000):
        value = _random_value(rng)
        for text in (json.dumps(value), json.dumps(value, ensure_ascii=False, indent=1)):
            assert json.dumps(_claimex.loads(text)) == json.dumps(json.loads(text))
