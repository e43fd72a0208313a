//! Claims as Arrow, handed to pyarrow through the Arrow C data interface: the library builds the
//! record batch (`claimex::io::output::arrow`, the Parquet columns) and pyarrow imports it
//! without a copy.

use std::sync::Arc;

use arrow_array::ffi::{to_ffi, FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{Array, RecordBatch, StructArray};
use claimex::io::output::arrow::claims_schema;
use claimex::io::output::CsvOptions;
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;

/// Moves `batch` into a `pyarrow.RecordBatch`.
pub fn to_pyarrow<'py>(py: Python<'py>, batch: RecordBatch) -> PyResult<Bound<'py, PyAny>> {
    let data = StructArray::from(batch).into_data();
    let (array, schema) = to_ffi(&data)
        .map_err(|e| PyRuntimeError::new_err(format!("exporting the claims to Arrow: {e}")))?;
    // pyarrow moves the structs' contents out (it takes over their release callbacks); the boxes
    // stay ours and are freed when they go out of scope, after the call.
    let array = Box::new(array);
    let schema = Box::new(schema);
    let array_ptr = &*array as *const FFI_ArrowArray as usize;
    let schema_ptr = &*schema as *const FFI_ArrowSchema as usize;
    let pyarrow = PyModule::import(py, "pyarrow")?;
    pyarrow
        .getattr("RecordBatch")?
        .call_method1("_import_from_c", (array_ptr, schema_ptr))
}

/// The `pyarrow.Schema` of the claims' Arrow columns (`keep`: the `--keep` columns after them).
#[pyfunction]
#[pyo3(signature = (keep=Vec::new()))]
pub fn arrow_schema(py: Python<'_>, keep: Vec<String>) -> PyResult<Bound<'_, PyAny>> {
    let options = CsvOptions {
        keep,
        ..CsvOptions::default()
    };
    let schema = claims_schema(&options);
    let ffi = FFI_ArrowSchema::try_from(Arc::clone(&schema).as_ref())
        .map_err(|e| PyRuntimeError::new_err(format!("exporting the schema to Arrow: {e}")))?;
    let ffi = Box::new(ffi);
    let ptr = &*ffi as *const FFI_ArrowSchema as usize;
    let pyarrow = PyModule::import(py, "pyarrow")?;
    pyarrow
        .getattr("Schema")?
        .call_method1("_import_from_c", (ptr,))
}
