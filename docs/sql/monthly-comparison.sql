-- Month by month: Spotify for Artists' streams beside each distributor's, per ISRC, from
-- Crosscount Parquet exports (docs/sql/README.md).
--
-- One row per ISRC, calendar month, distributor source and kind of figure:
--   isrc, month ('YYYY-MM'), source, store, kind, spotify_streams, spotify_days,
--   distributor_streams, ratio
-- kind 'daily': the distributor's daily counts summed over the month; kind 'report': the
-- month's total from its sales report (metric streams_month). Each value is the one that held
-- at as_of: the latest reading with observed_at at or before it (as `crosscount compare
-- --as-of`). A distributor is compared through its Spotify store when it has one, else its
-- all-stores view (store 'all', which counts other stores too). spotify_days says how many
-- days of the month Spotify for Artists has a count for: a month it covers only in part is
-- not comparable. ratio = distributor_streams / spotify_streams (NULL when S4A shows none).
--
-- Runs on DuckDB and Spark SQL over a table or view named `history` (see the README).
WITH params AS (
  SELECT TIMESTAMP '2025-07-05 12:00:00' AS as_of
),
readings AS (
  SELECT h.isrc, h.title, h.artists, h.source, h.store, h.metric, h.day, h.value,
         ROW_NUMBER() OVER (PARTITION BY h.isrc, h.title, h.artists, h.source, h.store, h.metric, h.day
                            ORDER BY h.observed_at DESC, h.value DESC) AS newest
  FROM history h CROSS JOIN params p
  WHERE h.isrc IS NOT NULL AND h.metric IN ('streams', 'streams_month') AND h.observed_at <= p.as_of
),
known AS (
  SELECT isrc, source, store, metric, day, value, year(day) * 12 + month(day) - 1 AS month_index
  FROM readings
  WHERE newest = 1
),
s4a AS (
  SELECT isrc, month_index, SUM(value) AS spotify_streams, COUNT(DISTINCT day) AS spotify_days
  FROM known
  WHERE source = 'spotify' AND store = 'spotify' AND metric = 'streams'
  GROUP BY isrc, month_index
),
chosen_store AS (
  SELECT isrc, source, metric, MIN(CASE WHEN store = 'spotify' THEN 0 ELSE 1 END) AS choice
  FROM known
  WHERE source <> 'spotify' AND store IN ('spotify', 'all')
  GROUP BY isrc, source, metric
),
distributor AS (
  SELECT k.isrc, k.source, k.store, k.metric, k.month_index, SUM(k.value) AS distributor_streams
  FROM known k
  JOIN chosen_store c ON c.isrc = k.isrc AND c.source = k.source AND c.metric = k.metric
   AND k.store = CASE WHEN c.choice = 0 THEN 'spotify' ELSE 'all' END
  GROUP BY k.isrc, k.source, k.store, k.metric, k.month_index
)
SELECT d.isrc,
       CONCAT(CAST(CAST(FLOOR(d.month_index / 12) AS INT) AS STRING), '-',
              LPAD(CAST(CAST(d.month_index - 12 * FLOOR(d.month_index / 12) + 1 AS INT) AS STRING), 2, '0')) AS month,
       d.source,
       d.store,
       CASE WHEN d.metric = 'streams_month' THEN 'report' ELSE 'daily' END AS kind,
       s.spotify_streams,
       COALESCE(s.spotify_days, 0) AS spotify_days,
       d.distributor_streams,
       CASE WHEN s.spotify_streams > 0 THEN CAST(d.distributor_streams AS DOUBLE) / s.spotify_streams END AS ratio
FROM distributor d
LEFT JOIN s4a s ON s.isrc = d.isrc AND s.month_index = d.month_index
ORDER BY d.isrc, d.month_index, d.source, kind;
