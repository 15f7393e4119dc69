-- Articles per publication day and outlet. Outlets beyond the $outlets with
-- the most articles are folded into one "other outlets" band, so the chart's
-- legend stays readable however many outlets the inbox brings.
WITH ranked AS (
    SELECT coalesce(outlet, '(no outlet)') AS outlet,
           row_number() OVER (ORDER BY count(*) DESC, coalesce(outlet, '(no outlet)')) AS rank
    FROM articles
    GROUP BY 1
)
SELECT a.published_date AS day,
       CASE WHEN r.rank <= $outlets THEN r.outlet ELSE 'other outlets' END AS outlet,
       count(*) AS articles
FROM articles a
JOIN ranked r ON r.outlet = coalesce(a.outlet, '(no outlet)')
GROUP BY 1, 2
ORDER BY day, outlet;
