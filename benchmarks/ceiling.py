"""The ceiling: a bare Flask app that renders one Jinja template of a few KB, and nothing else.

Served by gunicorn with the same settings as the platform (`gunicorn benchmarks.ceiling:app`), its
requests per second are the most any Flask page can reach on this machine; `benchmarks/run` reports
each page of the platform as a fraction of it.
"""

from pathlib import Path

from flask import Flask, render_template

app = Flask(__name__, template_folder=str(Path(__file__).resolve().parent / "templates"))

LESSONS = [
    {"title": f"Lesson {n}: a practice case of cross-border e-commerce", "minutes": 10 + n, "done": n % 3 == 0}
    for n in range(1, 21)
]


@app.route("/")
def page():
    return render_template("ceiling.html", title="A module of the curriculum", lessons=LESSONS)
