"""Judged queries over the archive imported from ../shared/corpus (bench/corpus_archive.py).

Written by reading the corpus's documents (their headings and text, in ../shared/corpus/docs),
before any of them was searched. Each answer is a meeting (body key, date) and the start of the
title of the item that answers, as the document prints it (None: the meeting itself); the test
finds each item's address in the imported archive by that title, so the judgments do not depend
on what search returns. Lists hold every item substantially about the query, most relevant first.
The last two queries have no answer in the corpus.
"""

Answer = tuple[str, str, str | None]

DVD, BOARD, STACKEN, LITHE = "dvd-divisionsstamma", "dvd-styrelsen", "stacken", "lithekod"

JUDGMENTS: list[tuple[str, list[Answer]]] = [
    # --- words as the text has them ---------------------------------------------------------------
    ("logotyp", [(DVD, "2021-09-15", "Ny logotyp"), (DVD, "2021-11-17", "Proposition: ny logotyp"),
                 (DVD, "2022-05-17", "Proposition: ny logotyp"), (DVD, "2022-11-24", "Proposition: ny logotyp")]),
    ("Ukraina", [(DVD, "2022-11-24", "Motion: Visa vårt stöd")]),
    ("Talmanspresidiet", [(DVD, "2021-09-15", "Proposition: Ta bort Talmanspresidiet"),
                          (DVD, "2021-11-17", "Proposition: Ta bort Talmanspresidiet")]),
    ("festkommitté", [(DVD, "2021-11-17", "Motion: Skapa festkommitté")]),
    ("skåp", [(DVD, "2023-05-24", "Motion: uthyrning av skåp")]),
    ("Lindholmarna", [(DVD, "2023-02-22", "\"Planering för integreringen av Lindholmarna\"")]),
    ("guldkant", [(DVD, "2025-04-25", "Motion: Uppdatera logga med guldkant")]),
    ("kårförening", [(STACKEN, "2017-01-26", "Information om vår status som kårförening")]),
    ("porto", [(STACKEN, "2013-02-28", "Övriga frågor")]),  # (its sub-heading "Porto")
    ("tårta", [(STACKEN, "2020-02-27", "Övriga frågor")]),  # (its sub-heading "Tårta")
    ("Gitföreläsning", [(LITHE, "2017-04-11", "Gitföreläsning")]),
    ("grillkväll", [(LITHE, "2017-04-11", "Grillkväll")]),
    ("tröjor", [(LITHE, "2017-10-11", "Tröjor")]),
    ("sponsorer", [(LITHE, "2017-10-11", "Sponsorer")]),
    ("GameJam", [(LITHE, "2017-10-11", "GameJam")]),
    ("Attentec", [(LITHE, "2017-10-11", "Attentec")]),
    ("Monaden", [(DVD, "2023-02-22", "\"Hur sköts Monaden\""), (DVD, "2023-11-30", "Hur ska köket och Monaden"),
                 (DVD, "2024-03-26", "Monadenenkät")]),

    # --- inflected and compound forms that differ from the text -----------------------------------
    ("riva väggen", [(DVD, "2022-11-24", "Motion: Riva vägg"), (DVD, "2023-05-24", "Rivning av väggen"),
                     (DVD, "2023-11-30", "Proposition: Förlängning av tiden på väggundersökning")]),
    ("arbetsmarknadskommittén", [(DVD, "2021-11-17", "Motion: Skapa arbetsmarknadskommitté")]),
    ("medlemsavgiften", [(STACKEN, "2017-01-26", "Ändring av medlemsavgift")]),
    ("incidenthantering", [(DVD, "2024-03-26", "Proposition: Incident hantering")]),
    ("sportkommittén", [(DVD, "2025-04-25", "Motion: Skapa Sportkommitté")]),
    ("studienämnd", [(DVD, "2022-05-17", "Proposition: skapa studienämndskommitté"),
                     (DVD, "2023-05-24", "Motion: Byta namn på Uppdrag till Studienämnd")]),
    ("kallelsen", [(STACKEN, "2015-11-19", "Motion om stadgeändring: kallelser"),
                   (STACKEN, "2016-02-18", "Motion om stadgeändring: kallelser, andra")]),
    ("uteslutning av medlem", [(STACKEN, "2024-04-18", "Bekräftelse av styrelsens beslut om att utesluta")]),

    # --- several words, phrases, exclusions -------------------------------------------------------
    ("ordlistan i stadgan", [(DVD, "2021-09-15", "Proposition: Inför ordlistan i Stadgan"),
                             (DVD, "2021-11-17", "Proposition: Inför ordlistan i Stadgan")]),
    ("\"ny medlemskategori\"", [(STACKEN, "2017-09-21", "Motion om stadgeändring \"Ny Medlemskategori\""),
                                (STACKEN, "2017-11-30", "Motion om stadgeändring \"Ny Medlemskategori\"")]),
    ("\"signerade protokoll\"", [(DVD, "2025-04-25", "Första läsning, Motion: Publicera signerade"),
                                 (DVD, "2025-10-16", "Andra läsning, Motion: Publicera signerade")]),
    ("kalenderåret som mandatperiod", [(DVD, "2024-12-18", "Motion: Införa kalenderåret som mandatperiod")]),
    ("kallelser -andra", [(STACKEN, "2015-11-19", "Motion om stadgeändring: kallelser")]),
    ("Slaget om IT-sektionen", [(DVD, "2021-11-17", "Slaget om IT-sektionen")]),

    # --- names, numbers and abbreviations ---------------------------------------------------------
    ("Albin Otterhäll", [(DVD, "2023-11-30", "Proposition: Mega7 2024"), (DVD, "2024-03-26", "Motion: Byte av ordförande för DVRK")]),
    ("Mega 7", [(DVD, "2023-05-24", "Motion: skapa ny kommitté Mega 7"), (DVD, "2023-05-24", "Motion: Inval av Mega 7"),
                (DVD, "2023-11-30", "Proposition: Mega7 2024")]),
    ("DV_Ops", [(DVD, "2023-05-24", "Motion: starta ny kommitté DV"), (DVD, "2024-12-18", "Proposition: Stoppa skändningen av DV"),
                (DVD, "2023-05-24", "Motion: Inval av DV")]),
    ("LeK", [(DVD, "2021-11-17", "Proposition: Ta bort LeK")]),
    ("NCPC", [(LITHE, "2017-10-11", "NCPC")]),
    ("ansvarsfrihet 2021-2023", [(DVD, "2025-10-16", "Ansvarsfrihet 2021-2023")]),
    ("LaTeX-mex", [(LITHE, "2017-04-11", "LaTeX-mex"), (LITHE, "2017-10-11", "LaTeX mex")]),

    # --- no answer in the corpus ------------------------------------------------------------------
    ("detaljplan", []),
    ("bygglov för vindkraftverk", []),
]
