-- Monthly royalty eligibility per ISRC, from Crosscount Parquet exports (docs/sql/README.md).
--
-- Spotify pays recorded-music royalties for a recording in a calendar month only when it had
-- at least 1,000 streams in the 12 calendar months ending with that month (docs/domain.md).
-- One row per ISRC and calendar month, from the recording's first month with Spotify for
-- Artists streams to the month of as_of_day:
--   isrc, month ('YYYY-MM'), streams, trailing_12m, eligible
-- Counts Spotify for Artists' daily streams (source and store 'spotify', metric 'streams') for
-- days up to as_of_day, each day at its latest reading (observed_at is not a cutoff here, as
-- in `crosscount eligibility`). Tracks sharing an ISRC count together.
--
-- Runs on DuckDB and Spark SQL over a table or view named `history` (see the README).
WITH params AS (
  SELECT DATE '2025-06-30' AS as_of_day
),
s4a AS (
  SELECT h.isrc, h.title, h.artists, h.day, h.value,
         ROW_NUMBER() OVER (PARTITION BY h.isrc, h.title, h.artists, h.day ORDER BY h.observed_at DESC, h.value DESC) AS newest
  FROM history h CROSS JOIN params p
  WHERE h.source = 'spotify' AND h.store = 'spotify' AND h.metric = 'streams'
    AND h.isrc IS NOT NULL AND h.day <= p.as_of_day
),
monthly AS (
  SELECT isrc, year(day) * 12 + month(day) - 1 AS month_index, SUM(value) AS streams
  FROM s4a
  WHERE newest = 1
  GROUP BY isrc, year(day) * 12 + month(day) - 1
),
digits AS (
  SELECT n FROM (VALUES (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) AS d(n)
),
month_offsets AS (
  SELECT a.n * 100 + b.n * 10 + c.n AS n FROM digits a CROSS JOIN digits b CROSS JOIN digits c
),
spans AS (
  SELECT m.isrc, MIN(m.month_index) AS first_month, MAX(year(p.as_of_day) * 12 + month(p.as_of_day) - 1) AS last_month
  FROM monthly m CROSS JOIN params p
  GROUP BY m.isrc
),
filled AS (
  SELECT s.isrc, s.first_month + o.n AS month_index, COALESCE(m.streams, 0) AS streams
  FROM spans s
  JOIN month_offsets o ON s.first_month + o.n <= s.last_month
  LEFT JOIN monthly m ON m.isrc = s.isrc AND m.month_index = s.first_month + o.n
),
windowed AS (
  SELECT isrc, month_index, streams,
         SUM(streams) OVER (PARTITION BY isrc ORDER BY month_index ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS trailing_12m
  FROM filled
)
SELECT isrc,
       CONCAT(CAST(CAST(FLOOR(month_index / 12) AS INT) AS STRING), '-',
              LPAD(CAST(CAST(month_index - 12 * FLOOR(month_index / 12) + 1 AS INT) AS STRING), 2, '0')) AS month,
       streams,
       trailing_12m,
       trailing_12m >= 1000 AS eligible
FROM windowed
ORDER BY isrc, month_index;
