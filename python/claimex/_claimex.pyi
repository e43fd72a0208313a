"""Type stubs of the compiled core (private: use the ``claimex`` package)."""

from collections.abc import Iterator
from typing import Any, Optional

import pyarrow

DocIn = tuple[str, str, Optional[str], Optional[str], Optional[str], Optional[str], int]

class RuleError(ValueError): ...
class DocumentError(RuntimeError): ...

class Extractor:
    def __new__(cls, rules: Optional[str] = None, dct: Optional[str] = None) -> "Extractor": ...
    def render(
        self,
        format: str,
        text: str,
        id: str,
        date: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
        meta: Optional[str] = None,
    ) -> str: ...
    def render_stream(
        self,
        format: str,
        docs: list[DocIn],
        threads: Optional[int] = None,
        keep: list[str] = ...,
        parsed: bool = False,
    ) -> "RenderStream": ...
    def arrow_batch(
        self, docs: list[DocIn], threads: Optional[int] = None, keep: list[str] = ...
    ) -> tuple[pyarrow.RecordBatch, list[tuple[int, str]]]: ...

class RenderStream(Iterator[tuple[bool, Any]]):
    def __next__(self) -> tuple[bool, Any]: ...
    def __len__(self) -> int: ...

def loads(text: str) -> Any: ...
def csv_header_text(keep: list[str] = ...) -> str: ...
def arrow_schema(keep: list[str] = ...) -> pyarrow.Schema: ...
def _pool_pid() -> Optional[int]: ...
