"""The plan as a PDF (fpdf2, pure Python: no browser or system fonts needed on the server)."""

from __future__ import annotations

from fpdf import FPDF

from bot.console.plan import Plan

# The built-in PDF fonts know Latin-1; the euro sign and dashes are spelled out.
_REPLACE = {"€": "EUR", "–": "-", "—": "-", "→": "->", "…": "...", "’": "'", "·": "-"}


def _latin1(text: str) -> str:
    for char, plain in _REPLACE.items():
        text = text.replace(char, plain)
    return text.encode("latin-1", "replace").decode("latin-1")


def plan_pdf(plan: Plan) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title("Mijn leerplan")
    pdf.add_page()
    width = pdf.epw

    def line(text: str, *, size: int = 11, style: str = "", gap: float = 1.5) -> None:
        pdf.set_font("Helvetica", style=style, size=size)
        pdf.multi_cell(width, size * 0.5, _latin1(text), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    line("Mijn leerplan", size=20, style="B", gap=2)
    line(f"Gemaakt op {plan.made_on} met {plan.counsellor}, {plan.organisation}.", gap=4)
    if not plan.routes:
        line("Er is nog geen route gemaakt.")
    for route in plan.routes:
        line(route.title, size=14, style="B")
        for number, step in enumerate(route.steps, start=1):
            line(f"{number}. {step.title}", style="B", gap=0.5)
            line(step.why, gap=0.5)
            details = [step.where, f"Start: {step.starts}" if step.starts else None, step.cost]
            line(" - ".join(d for d in details if d), size=10, gap=0.5)
            if step.payers:
                line("Wie kan betalen: " + ", ".join(step.payers), size=10)
        if route.totals:
            line(route.totals, style="I", gap=3)
    if plan.funding:
        line("Geld voor je opleiding", size=14, style="B")
        for check in plan.funding:
            line(check)
    line("Wat ga je nu doen?", size=14, style="B")
    for action in plan.next_steps:
        line(f"- {action}")
    line(f"Vragen? Neem contact op met {plan.counsellor} van {plan.organisation}.", gap=0)
    return bytes(pdf.output())
