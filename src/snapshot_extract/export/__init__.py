"""Export: ``Record``s -> JSON / JSON Lines (``records``), table rows, DataFrames and CSV
(``rows``), XLSX and Parquet (``tables``). pandas, pyarrow and openpyxl are imported only
where a table is built."""

from .records import record_json, records_jsonl
from .rows import to_csv, to_dataframe

__all__ = ["record_json", "records_jsonl", "to_csv", "to_dataframe"]
