"""A copy of a GGUF model with a chat template added to its metadata.

The embedded Gemma 3 270M is a base model (no ``tokenizer.chat_template``); giving a copy of it
Gemma's own chat template makes a real, loadable GGUF that llama.cpp treats as an instruction
model — the only way to exercise that path here, where no instruction-tuned GGUF can be had.
Written for the tests: the header is rewritten with one more key, the tensor data copied as is.
"""

from __future__ import annotations

import shutil
import struct
from pathlib import Path

from plume.backends.local import GGUF_ARRAY as _GGUF_ARRAY
from plume.backends.local import GGUF_FIXED as _GGUF_FIXED
from plume.backends.local import GGUF_STRING as _GGUF_STRING

#: Gemma 3's chat template (turns ``<start_of_turn>user`` / ``model``; a system message opens
#: the first user turn), the one Google ships with the instruction-tuned models, shortened.
GEMMA_TEMPLATE = (
    "{{ bos_token }}"
    "{%- if messages[0]['role'] == 'system' -%}"
    "{%- set first = messages[0]['content'] + '\n\n' -%}{%- set rest = messages[1:] -%}"
    "{%- else -%}{%- set first = '' -%}{%- set rest = messages -%}{%- endif -%}"
    "{%- for m in rest -%}"
    "{%- set role = 'model' if m['role'] == 'assistant' else m['role'] -%}"
    "{{ '<start_of_turn>' + role + '\n' + (first if loop.first else '') + m['content'] | trim"
    " + '<end_of_turn>\n' }}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}{{ '<start_of_turn>model\n' }}{%- endif -%}"
)
ALIGNMENT = 32  # GGUF's default ``general.alignment`` (the embedded model sets none)


def _string(s: str) -> bytes:
    data = s.encode("utf-8")
    return struct.pack("<Q", len(data)) + data


def with_chat_template(source: Path, target: Path, template: str = GEMMA_TEMPLATE) -> Path:
    """``source`` copied to ``target`` with ``tokenizer.chat_template`` = ``template``."""
    with source.open("rb") as f:

        def read(fmt: str) -> tuple[int, ...]:
            return struct.unpack(fmt, f.read(struct.calcsize(fmt)))

        def skip(kind: int) -> None:
            if kind == _GGUF_STRING:
                f.seek(read("<Q")[0], 1)
            elif kind == _GGUF_ARRAY:
                inner, n = read("<IQ")
                if inner in _GGUF_FIXED:
                    f.seek(_GGUF_FIXED[inner] * n, 1)
                else:
                    for _ in range(n):
                        skip(inner)
            else:
                f.seek(_GGUF_FIXED[kind], 1)

        assert f.read(4) == b"GGUF"
        version, n_tensors, n_kv = read("<IQQ")
        kv_start = f.tell()
        for _ in range(n_kv):
            f.seek(read("<Q")[0], 1)
            skip(read("<I")[0])
        kv_end = f.tell()
        for _ in range(n_tensors):
            f.seek(read("<Q")[0], 1)
            (dims,) = read("<I")
            f.seek(8 * dims + 4 + 8, 1)  # dimensions, type, offset
        info_end = f.tell()
        data_start = -(-info_end // ALIGNMENT) * ALIGNMENT
        f.seek(kv_start)
        kvs = f.read(kv_end - kv_start)
        infos = f.read(info_end - kv_end)
        new_kv = _string("tokenizer.chat_template") + struct.pack("<I", _GGUF_STRING)
        new_kv += _string(template)
        head = b"GGUF" + struct.pack("<IQQ", version, n_tensors, n_kv + 1) + kvs + new_kv + infos
        head += b"\0" * (-len(head) % ALIGNMENT)
        with target.open("wb") as out:
            out.write(head)
            f.seek(data_start)
            shutil.copyfileobj(f, out, 1 << 22)
    return target
