//! Claims as Arrow columns: one row per claim, the CSV's columns typed (offsets as integers,
//! confidence as a float, the document date as a date, absent values as nulls), then the
//! claim's timexes and entities as lists of structs, then the `--keep` columns. The Parquet
//! writer and the Python binding both take their batches from here.

use std::sync::Arc;

use arrow_array::builder::{
    Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder, StructBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};

use super::csv::{kept_values, CsvOptions};
use super::records::{claim_id, confidence, sentence_text, Spans};
use crate::claims::assemble;
use crate::doc::Doc;

fn timex_fields() -> Fields {
    Fields::from(vec![
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
        Field::new("text", DataType::Utf8, false),
        Field::new("type", DataType::Utf8, false),
        Field::new("value", DataType::Utf8, false),
    ])
}

fn entity_fields() -> Fields {
    Fields::from(vec![
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
        Field::new("text", DataType::Utf8, false),
        Field::new("label", DataType::Utf8, false),
    ])
}

/// The columns that are strings, in the CSV's order, and whether each may be null.
const STRING_COLUMNS: [(&str, bool); 8] = [
    ("doc_id", false),
    ("claim_id", false),
    ("kind", false),
    ("speaker", true),
    ("speaker_name", true),
    ("speaker_title", true),
    ("cue", true),
    ("content", false),
];

/// The schema of [`claims_batch`] for these options.
pub fn claims_schema(options: &CsvOptions) -> SchemaRef {
    let text = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let mut fields: Vec<Field> = STRING_COLUMNS.iter().map(|(n, z)| text(n, *z)).collect();
    fields.extend([
        Field::new("start", DataType::Int64, false),
        Field::new("end", DataType::Int64, false),
        text("dates", false),
        text("speaker_type", true),
        text("speaker_affiliation", true),
        text("cue_lemma", true),
        text("addressee", true),
        Field::new("confidence", DataType::Float64, false),
        text("rule", false),
        text("sentence", false),
        Field::new("doc_date", DataType::Date32, true),
        text("title", true),
        text("url", true),
        list_field("timexes", timex_fields()),
        list_field("entities", entity_fields()),
    ]);
    fields.extend(options.keep.iter().map(|k| text(k, true)));
    Arc::new(Schema::new(fields))
}

fn list_field(name: &str, fields: Fields) -> Field {
    let item = Field::new("item", DataType::Struct(fields), false);
    Field::new(name, DataType::List(Arc::new(item)), false)
}

/// The claims of `docs` as one record batch of [`claims_schema`].
pub fn claims_batch(docs: &[Doc], options: &CsvOptions) -> RecordBatch {
    let mut b = Columns::new(options);
    for doc in docs {
        b.push_doc(doc, options);
    }
    b.finish(options)
}

/// The builders of every column.
struct Columns {
    strings: Vec<StringBuilder>,
    start: Int64Builder,
    end: Int64Builder,
    dates: StringBuilder,
    speaker_type: StringBuilder,
    speaker_affiliation: StringBuilder,
    cue_lemma: StringBuilder,
    addressee: StringBuilder,
    confidence: Float64Builder,
    rule: StringBuilder,
    sentence: StringBuilder,
    doc_date: Date32Builder,
    title: StringBuilder,
    url: StringBuilder,
    timexes: ListBuilder<StructBuilder>,
    entities: ListBuilder<StructBuilder>,
    kept: Vec<StringBuilder>,
}

fn struct_list(fields: Fields) -> ListBuilder<StructBuilder> {
    let item = Arc::new(Field::new("item", DataType::Struct(fields.clone()), false));
    ListBuilder::new(StructBuilder::from_fields(fields, 0)).with_field(item)
}

/// Appends one struct of (start, end, text, then string fields) to a list's values.
fn push_struct(list: &mut ListBuilder<StructBuilder>, start: usize, end: usize, texts: &[&str]) {
    let values = list.values();
    values
        .field_builder::<Int64Builder>(0)
        .expect("start column")
        .append_value(start as i64);
    values
        .field_builder::<Int64Builder>(1)
        .expect("end column")
        .append_value(end as i64);
    for (i, t) in texts.iter().enumerate() {
        values
            .field_builder::<StringBuilder>(2 + i)
            .expect("string column")
            .append_value(t);
    }
    values.append(true);
}

impl Columns {
    fn new(options: &CsvOptions) -> Columns {
        Columns {
            strings: STRING_COLUMNS
                .iter()
                .map(|_| StringBuilder::new())
                .collect(),
            start: Int64Builder::new(),
            end: Int64Builder::new(),
            dates: StringBuilder::new(),
            speaker_type: StringBuilder::new(),
            speaker_affiliation: StringBuilder::new(),
            cue_lemma: StringBuilder::new(),
            addressee: StringBuilder::new(),
            confidence: Float64Builder::new(),
            rule: StringBuilder::new(),
            sentence: StringBuilder::new(),
            doc_date: Date32Builder::new(),
            title: StringBuilder::new(),
            url: StringBuilder::new(),
            timexes: struct_list(timex_fields()),
            entities: struct_list(entity_fields()),
            kept: options.keep.iter().map(|_| StringBuilder::new()).collect(),
        }
    }

    fn push_doc(&mut self, doc: &Doc, options: &CsvOptions) {
        let spans = Spans::new(doc);
        let kept = kept_values(doc, &options.keep);
        let doc_date = doc.date.map(|d| {
            let epoch = jiff::civil::date(1970, 1, 1);
            (d - epoch).get_days()
        });
        for c in &assemble(doc) {
            let a = c.attribution;
            let speaker = c.speaker.as_ref();
            let content = spans.text_span(a.content);
            let strings: [Option<&str>; 8] = [
                Some(&doc.id),
                Some(&claim_id(doc, c)),
                Some(a.kind.as_str()),
                speaker.map(|s| doc.slice(s.span)),
                speaker.map(|s| s.name),
                speaker.and_then(|s| s.title),
                a.cue.map(|s| doc.slice(s)),
                Some(content.text),
            ];
            for (b, v) in self.strings.iter_mut().zip(strings) {
                b.append_option(v);
            }
            self.start.append_value(content.start as i64);
            self.end.append_value(content.end as i64);
            let mut dates = String::new();
            for (i, t) in c.timexes.iter().enumerate() {
                if i > 0 {
                    dates.push(';');
                }
                dates.push_str(&t.value);
            }
            self.dates.append_value(dates);
            self.speaker_type
                .append_option(speaker.map(|s| s.kind.as_str()));
            self.speaker_affiliation
                .append_option(speaker.and_then(|s| s.affiliation));
            self.cue_lemma.append_option(a.cue_lemma.as_deref());
            self.addressee
                .append_option(a.addressee.map(|s| doc.slice(s)));
            self.confidence.append_value(confidence(c));
            self.rule.append_value(&a.rule);
            self.sentence.append_value(sentence_text(doc, c));
            self.doc_date.append_option(doc_date);
            self.title.append_option(doc.title.as_deref());
            self.url.append_option(doc.url.as_deref());
            for t in c.timexes {
                let s = spans.text_span(t.span);
                push_struct(
                    &mut self.timexes,
                    s.start,
                    s.end,
                    &[s.text, t.kind.as_str(), &t.value],
                );
            }
            self.timexes.append(true);
            for e in c.entities {
                let s = spans.text_span(e.span);
                push_struct(
                    &mut self.entities,
                    s.start,
                    s.end,
                    &[s.text, e.label.as_str()],
                );
            }
            self.entities.append(true);
            for (b, v) in self.kept.iter_mut().zip(&kept) {
                // an absent field is null here, where the CSV can only leave the cell empty
                b.append_option(v.as_deref());
            }
        }
    }

    fn finish(mut self, options: &CsvOptions) -> RecordBatch {
        let mut columns: Vec<ArrayRef> = self
            .strings
            .iter_mut()
            .map(|b| Arc::new(b.finish()) as ArrayRef)
            .collect();
        columns.push(Arc::new(self.start.finish()));
        columns.push(Arc::new(self.end.finish()));
        for b in [
            &mut self.dates,
            &mut self.speaker_type,
            &mut self.speaker_affiliation,
            &mut self.cue_lemma,
            &mut self.addressee,
        ] {
            columns.push(Arc::new(b.finish()));
        }
        columns.push(Arc::new(self.confidence.finish()));
        columns.push(Arc::new(self.rule.finish()));
        columns.push(Arc::new(self.sentence.finish()));
        columns.push(Arc::new(self.doc_date.finish()));
        columns.push(Arc::new(self.title.finish()));
        columns.push(Arc::new(self.url.finish()));
        columns.push(Arc::new(self.timexes.finish()));
        columns.push(Arc::new(self.entities.finish()));
        for b in &mut self.kept {
            columns.push(Arc::new(b.finish()));
        }
        RecordBatch::try_new(claims_schema(options), columns).expect("columns match the schema")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Pipeline, RawDoc, Rules};

    #[test]
    fn a_batch_has_one_row_per_claim_and_the_declared_schema() {
        let pipeline = Pipeline::new(Rules::embedded().unwrap());
        let mut raw = RawDoc::new(
            "d1",
            "“We will win on Monday,” Senator Ann Smith said in Boston. Bob Jones said the plan failed.",
        );
        raw.date = Some("2024-03-01".into());
        raw.meta = Some(r#"{"outlet":"AP"}"#.into());
        let doc = pipeline.annotate(raw);
        let options = CsvOptions {
            keep: vec!["outlet".into(), "absent".into()],
            excel: false,
        };
        let batch = claims_batch(std::slice::from_ref(&doc), &options);
        let (_, n) = super::super::render_claims(&doc);
        assert!(n >= 2);
        assert_eq!(batch.num_rows(), n);
        assert_eq!(batch.schema(), claims_schema(&options));
        let dates = batch
            .column_by_name("doc_date")
            .unwrap()
            .as_any()
            .downcast_ref::<arrow_array::Date32Array>()
            .unwrap();
        assert_eq!(dates.value_as_date(0).unwrap().to_string(), "2024-03-01");
        assert_eq!(batch.column_by_name("absent").unwrap().null_count(), n);
        assert_eq!(batch.column_by_name("outlet").unwrap().null_count(), 0);
    }

    #[test]
    fn no_documents_give_an_empty_batch() {
        let batch = claims_batch(&[], &CsvOptions::default());
        assert_eq!(batch.num_rows(), 0);
        assert_eq!(batch.num_columns(), 23);
    }
}
