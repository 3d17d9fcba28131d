"""Search: the archive as a lunr-scored index, split into small files for the browser.

| module | owns |
|---|---|
| `analysis` | Swedish tokenising, stop words, stemming, compounds (the lexicon), name pairs |
| `documents` | `SearchDoc`, the fields and their boosts, the archive -> documents |
| `encoded` | the documents as the index's input carries them (with each one's texts' key, which counting finds its last counts by), made a meeting at a time and kept by what the meeting is made of |
| `texts` | the documents' texts and snippet sources packed (`PackedTexts`), and their digest for counting |
| `counts` | pass one: each document's tokens and terms counted; what a build counted kept for the next |
| `index` | the lunr-compatible index builder (BM25 field vectors, lunr's term order), in flat arrays |
| `files` | what the index is made of (`IndexInput`), the index's file layout (manifest, groups, term chunks, posting tails, document blocks) and its writers |
| `job` | the index built beside a build, in a process started before the archive is read and sent its input |
| `packs` | records packed into few files, each compressed alone and read by HTTP Range |
| `dictionary` | the snippet texts' preset dictionary: the archive's most frequent words |
| `synonyms` | words searched for each other (content/synonyms.yml, topics, bodies' short names) |
| `direct` | direct hits: the keys a query names, the archive's table of them in shards |
| `query` | the query reference: what the browser does with a query, in Python |

Data flows one way: documents (their texts packed) and analysis -> counts -> index -> files; `query` reads analysis and documents.
"""

from .documents import SearchDoc, documents
from .files import FolderWriter, build_search_files, write_search_files
from .index import SearchIndex, build_index

__all__ = [
    "FolderWriter", "SearchDoc", "SearchIndex", "build_index", "build_search_files", "documents",
    "write_search_files",
]
