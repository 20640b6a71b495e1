-- Precedent corpus on PostgreSQL: documents, paragraphs with their provenance, and the word
-- bigram index that proposes candidates (re-ranked by the client with the same similarity as the
-- embedded index). Applied once by `resolution corpus push` (recorded in precedent_schema_version).
-- Plain PostgreSQL (13+): no extension is required.

CREATE TABLE IF NOT EXISTS precedent_documents (
  id        bigserial PRIMARY KEY,
  language  text NOT NULL,              -- en fr es ru ar zh ('' when unknown)
  symbol    text NOT NULL,              -- A/RES/75/311 (the file name when the text names none)
  title     text,
  date      text,                       -- adoption date as resolutions write it: 23 July 2021
  adopted   date,                       -- the same date, for ordering (newest wording first)
  path      text NOT NULL,              -- where the pushed file came from (source/relative path)
  session   text,                       -- 75 for A/RES/75/311: a natural distribution key
  push_id   bigint NOT NULL,
  pushed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS precedent_documents_key ON precedent_documents (language, symbol);

CREATE TABLE IF NOT EXISTS precedent_paragraphs (
  id          bigserial PRIMARY KEY,    -- load order: ties in score go to the earlier paragraph
  document_id bigint NOT NULL REFERENCES precedent_documents (id) ON DELETE CASCADE,
  language    text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('preambular', 'operative', 'subparagraph', 'other')),
  number      text NOT NULL,            -- "6", "6 (a)"; position for preambular paragraphs
  line        integer NOT NULL DEFAULT 0,
  text        text NOT NULL,            -- as written (italic markers kept)
  norm        text NOT NULL,            -- its words, case folded, joined by single spaces
  nwords      integer NOT NULL          -- number of words
);
-- Completion: paragraphs that open with the typed words.
CREATE INDEX IF NOT EXISTS precedent_paragraphs_opening
  ON precedent_paragraphs ((left(norm, 200)) text_pattern_ops);
CREATE INDEX IF NOT EXISTS precedent_paragraphs_document ON precedent_paragraphs (document_id);

-- The hashed word bigrams of each paragraph (and salted bigrams of its first words), apart from
-- the text: the candidate search reads these narrow rows only.
CREATE TABLE IF NOT EXISTS precedent_paragraph_grams (
  paragraph_id bigint PRIMARY KEY REFERENCES precedent_paragraphs (id) ON DELETE CASCADE,
  language     text NOT NULL,
  nwords       integer NOT NULL,
  grams        integer[] NOT NULL
);
CREATE INDEX IF NOT EXISTS precedent_paragraph_grams_gin ON precedent_paragraph_grams USING gin (grams);

-- How many paragraphs hold each bigram: the search reads the rarest bigrams first.
CREATE TABLE IF NOT EXISTS precedent_grams (
  gram integer PRIMARY KEY,
  df   integer NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS precedent_push_seq;
