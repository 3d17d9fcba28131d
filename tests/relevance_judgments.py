"""Judged queries over the example archive: what a reader types, and the items that answer it."""

# Judged by reading the seed minutes (/work/shared/seeds/) and content/*.md, not from any search
# engine. Each list holds every item that is substantially about the query, most relevant first;
# items that only mention a word in passing (agenda lines, "Ärenden till ..." lists, one clause in a
# long item about something else) are left out. A meeting URL (no anchor) is listed only where the
# meeting itself is the answer: its diarienummer, date, place, or a person who only attended it.
# A presenter's query lists the items they presented; the presenters chosen are not also attendees.

JUDGMENTS: list[tuple[str, list[str]]] = [
    # --- single words, in the form the text uses -------------------------------------------------
    # § 6 is Hjälpmedelsfrågor (council members, guidelines "i samråd med hjälpmedelsrådet"); Samråd § 6
    # reports the council is complete and decides the same; 2023 § 28 assigns work to the council.
    ("hjälpmedelsrådet", ["lsg/2021-02-19/#p6", "samrad/2021-03-19/#p6", "lsg/2023-09-15/#p28"]),
    # Samråd § 3 has a section on the working group for betalningsansvar (Umeå/Skellefteå want it abolished);
    # LSG 2021 § 12 reports the same group's delay; 2023 § 26 reports no betalningsansvar triggered.
    ("betalningsansvar", ["samrad/2021-03-19/#p3", "lsg/2021-02-19/#p12", "lsg/2023-09-15/#p26"]),
    # The agreement on doctors' participation: LSG § 8 "Läkarmedverkan", Samråd § 5 "Avtal om läkarmedverkan".
    ("läkarmedverkan", ["lsg/2021-02-19/#p8", "samrad/2021-03-19/#p5"]),
    # The only item on vaccination is the covid-19 booster item at Loka brunn (LSG § 10 "vaccin" is a passing word).
    ("vaccination", ["chefsgrupp-svo/2021-10-14/#covid-19-vaccination-tredje-dosen"]),
    # The Örebro item on joint handling of deviations.
    ("avvikelsehantering", ["chefsgrupp-svo/2021-10-14/#avvikelsehantering-i-samverkan"]),
    # 2023 § 26 is the status report on utskrivningsklara patienter.
    ("utskrivningsklara", ["lsg/2023-09-15/#p26"]),
    # 2023 § 31 is about Prator ending 20241231; LSG § 7 and Samråd § 4 say Prator goes in 2024;
    # LSG § 12 gives a "Lägesrapport PRATOR".
    ("Prator", ["lsg/2023-09-15/#p31", "lsg/2021-02-19/#p7", "samrad/2021-03-19/#p4", "lsg/2021-02-19/#p12"]),
    # Örebro item "Arbetet med patientkontrakt"; VVG § 4 is the assignment on Patientkontrakt and SIP.
    ("patientkontrakt", ["chefsgrupp-svo/2021-10-14/#arbetet-med-patientkontrakt", "vvg/2021-10-04/#p4"]),
    # Samråd § 8 is "Samverkande sjukvård – Ambulanssjukvården i Västerbotten".
    ("ambulanssjukvård", ["samrad/2021-03-19/#p8"]),
    # Evaluation of the seminar (LSG 2021 § 4, Samråd § 3), its follow-up (2023 § 24), and the
    # framtidsbild "som arbetades fram under ledningsseminariet" decided in Samråd § 7b.
    ("ledningsseminariet", ["lsg/2021-02-19/#p4", "samrad/2021-03-19/#p3", "lsg/2023-09-15/#p24",
                            "samrad/2021-03-19/#p7b"]),
    # 2023 § 29 discusses Governo's proposals and the unused Governo hours (§ 24 names Governo only as an example).
    ("Governo", ["lsg/2023-09-15/#p29"]),
    # VVG § 7: Millennium is the hub of the new care-information environment FVM.
    ("Millennium", ["vvg/2021-10-04/#p7"]),
    # 2023 § 31 weighs Cosmic Link against Cosmic journalsystem.
    ("Cosmic", ["lsg/2023-09-15/#p31"]),
    # Samråd § 6 defines "hjälpmedelssortiment"; LSG § 6 is the proposal on sortiment and avsteg.
    ("hjälpmedelssortiment", ["samrad/2021-03-19/#p6", "lsg/2021-02-19/#p6"]),
    # Samråd § 7b "Systemledning och framtidsbild"; LSG § 11 recommends that LSG and Samråd are the
    # systemledning; 2023 § 24 sets aside a pot for keeping samverkan going "inom systemledningen".
    ("systemledning", ["samrad/2021-03-19/#p7b", "lsg/2021-02-19/#p11", "lsg/2023-09-15/#p24"]),

    # --- inflected forms that differ from the text -----------------------------------------------
    # Genitive of Hjälpmedelsrådet: the same three items ("Hjälpmedelsrådets deltagare/mandat/arbete").
    ("hjälpmedelsrådets", ["lsg/2021-02-19/#p6", "samrad/2021-03-19/#p6", "lsg/2023-09-15/#p28"]),
    # Plural of "Samverkansråd": LSG § 9 is Samverkansråd patientsäkerhet; 2023 § 28 decides a review of
    # that council's mission (Örebro's "regionala samverkansrådet" is a passing mention).
    ("samverkansråden", ["lsg/2021-02-19/#p9", "lsg/2023-09-15/#p28"]),
    # The regional coordinators' work and assignments: LSG § 11 and § 4 assign them work, 2023 § 28 finds
    # them "en avgörande faktor", 2023 § 24 decides their proposal, Samråd § 7b and § 3 report their work.
    ("koordinatorerna", ["lsg/2021-02-19/#p11", "lsg/2021-02-19/#p4", "lsg/2023-09-15/#p28",
                         "lsg/2023-09-15/#p24", "samrad/2021-03-19/#p7b", "samrad/2021-03-19/#p3"]),
    # Plural of "samordnad individuell plan" (SIP): VVG § 4 (SIP and patientkontrakt), 2023 § 26 (SIP statistics).
    ("samordnade individuella planer", ["vvg/2021-10-04/#p4", "lsg/2023-09-15/#p26"]),
    # Definite form of "avvikelse": the Örebro item on avvikelsehantering.
    ("avvikelserna", ["chefsgrupp-svo/2021-10-14/#avvikelsehantering-i-samverkan"]),
    # Definite form of "patientkontrakt": the same two items.
    ("patientkontraktet", ["chefsgrupp-svo/2021-10-14/#arbetet-med-patientkontrakt", "vvg/2021-10-04/#p4"]),
    # The beredningar: LSG § 10 follows up their work; 2023 § 28 decides on "befintliga beredningar";
    # 2023 § 27 is the item brought by Beredning barn och unga.
    ("beredningarna", ["lsg/2021-02-19/#p10", "lsg/2023-09-15/#p28", "lsg/2023-09-15/#p27"]),
    # Text has "journalsystem": LSG § 7 / Samråd § 4 on the new system, 2023 § 31 on LINK vs Cosmic
    # journalsystem; VVG § 7 is VGR's new care-information environment (Millennium), i.e. its new record system.
    ("journalsystemet", ["lsg/2021-02-19/#p7", "samrad/2021-03-19/#p4", "lsg/2023-09-15/#p31",
                         "vvg/2021-10-04/#p7"]),

    # --- the tail of a compound ------------------------------------------------------------------
    # "koordinator" in hjälpmedelskoordinator (LSG § 6, Samråd § 6: recruitment), UPH-funded
    # utvecklingsledare/koordinator (LSG § 5), then the regional samverkanskoordinatorer as above.
    ("koordinator", ["lsg/2021-02-19/#p6", "samrad/2021-03-19/#p6", "lsg/2021-02-19/#p5",
                     "lsg/2021-02-19/#p11", "lsg/2021-02-19/#p4", "lsg/2023-09-15/#p28",
                     "lsg/2023-09-15/#p24", "samrad/2021-03-19/#p7b", "samrad/2021-03-19/#p3"]),
    # "rådet" = Samverkansråd patientsäkerhet (LSG § 9 says "rådet" throughout; 2023 § 28 reviews it and
    # assigns Hjälpmedelsrådet) and Hjälpmedelsrådet (LSG § 6, Samråd § 6).
    ("rådet", ["lsg/2021-02-19/#p9", "lsg/2023-09-15/#p28", "lsg/2021-02-19/#p6", "samrad/2021-03-19/#p6"]),
    # "dos" in boosterdos/påfyllnadsdos: the covid-19 third-dose item.
    ("dos", ["chefsgrupp-svo/2021-10-14/#covid-19-vaccination-tredje-dosen"]),
    # "sortiment" in hjälpmedelssortiment/sortimentsprocessen: the two Hjälpmedelsfrågor items.
    ("sortiment", ["lsg/2021-02-19/#p6", "samrad/2021-03-19/#p6"]),
    # "hjälpmedelskoordinator": recruitment in LSG § 6 and Samråd § 6; 2023 § 28 decides on a digital
    # space between hjälpmedelskoordinatorn and the prescribers.
    ("hjälpmedelskoordinator", ["lsg/2021-02-19/#p6", "samrad/2021-03-19/#p6", "lsg/2023-09-15/#p28"]),

    # --- two- and three-word queries -------------------------------------------------------------
    # The agreement on doctors in särskilt boende.
    ("läkarmedverkan särskilt boende", ["lsg/2021-02-19/#p8", "samrad/2021-03-19/#p5"]),
    # 2023 § 30 "Fortsättning Färdplan Nära vård i Västerbotten 2030"; LSG § 11 decides to work on
    # "färdplan och indikatorer" and calls for "en gemensam färdplan ... för nära vård".
    ("nära vård färdplan", ["lsg/2023-09-15/#p30", "lsg/2021-02-19/#p11"]),
    # Samråd § 7b "Systemledning och framtidsbild Nära vård 2030"; 2023 § 30 Färdplan Nära vård ... 2030.
    ("Nära vård 2030", ["samrad/2021-03-19/#p7b", "lsg/2023-09-15/#p30"]),
    # Örebro "Video- och distansmöten" (säkra digitala möten); VVG § 5 proposes to keep meeting digitally.
    ("digitala möten", ["chefsgrupp-svo/2021-10-14/#video-och-distansmoten", "vvg/2021-10-04/#p5"]),
    # Örebro "Mobil sjukvård, utredningsuppdrag i regionen" (länsdelsgrupperna only list the words).
    ("mobil sjukvård", ["chefsgrupp-svo/2021-10-14/#mobil-sjukvard-utredningsuppdrag-i-regionen"]),
    # Örebro status report on the new agreement on hälso- och sjukvård i hemmet; VVG § 6 on
    # specialiserad sjukvård i hemmet and responsibilities for vård i hemmet.
    ("sjukvård i hemmet", ["chefsgrupp-svo/2021-10-14/#lagesrapport-ny-overenskommelse-om-halso-och-sjukvard-i-hemmet",
                           "vvg/2021-10-04/#p6"]),
    # 2023 § 27: agreement on assessing intellectual disability before school start.
    ("intellektuell funktionsnedsättning", ["lsg/2023-09-15/#p27"]),
    # LSG § 9: the council studied the national plan "Agera för säker vård".
    ("Agera för säker vård", ["lsg/2021-02-19/#p9"]),
    # 2023 § 27 is the Beredning's item; LSG 2021 § 10 summarises its year; 2023 § 28 assigns it work.
    ("Beredning barn och unga", ["lsg/2023-09-15/#p27", "lsg/2021-02-19/#p10", "lsg/2023-09-15/#p28"]),
    # Samråd § 7a is the Leading Health Care project; LSG § 11 presents the same project.
    ("Leading Health Care", ["samrad/2021-03-19/#p7a", "lsg/2021-02-19/#p11"]),
    # 2023 § 28 is "Uppföljning av regional samverkan"; § 32 forwards exactly that to Samråd.
    ("uppföljning av regional samverkan", ["lsg/2023-09-15/#p28", "lsg/2023-09-15/#p32"]),
    # 2023 § 28 recommends renaming Samråd vård och omsorg "Samrådet för Hälsa, vård och omsorg".
    ("Samrådet för Hälsa, vård och omsorg", ["lsg/2023-09-15/#p28"]),
    # 2023 § 24 decides a joint pot of 400 000 kr (§ 29's "pott" of Governo hours is incidental).
    ("gemensam pott", ["lsg/2023-09-15/#p24"]),
    # The words before "(SIP)": VVG § 4, and the SIP statistics in 2023 § 26.
    ("samordnad individuell plan", ["vvg/2021-10-04/#p4", "lsg/2023-09-15/#p26"]),

    # --- people ----------------------------------------------------------------------------------
    # Anna Kroik (Storumans kommun) only attended LSG 2021-02-19.
    ("Anna Kroik", ["lsg/2021-02-19/"]),
    # Pernilla Henriksson chaired both LSG meetings (and presented nothing).
    ("Pernilla Henriksson", ["lsg/2021-02-19/", "lsg/2023-09-15/"]),
    # Carin Nilsson chaired Samråd vård och omsorg 2021-03-19.
    ("Carin Nilsson", ["samrad/2021-03-19/"]),
    # Lena Adolfsson attended the Örebro meeting at Loka brunn.
    ("Lena Adolfsson", ["chefsgrupp-svo/2021-10-14/"]),
    # Niklas Lindberg presented the new verksamhetssystem/journalsystem in LSG § 7 and Samråd § 4.
    ("Niklas Lindberg", ["lsg/2021-02-19/#p7", "samrad/2021-03-19/#p4"]),
    # Ronny Lestander presented läkarmedverkan in LSG § 8 and Samråd § 5.
    ("Ronny Lestander", ["lsg/2021-02-19/#p8", "samrad/2021-03-19/#p5"]),
    # Dag Norén presented the Leading Health Care project: Samråd § 7a, LSG § 11.
    ("Dag Norén", ["samrad/2021-03-19/#p7a", "lsg/2021-02-19/#p11"]),
    # Louise Lundholm presented Samverkansråd patientsäkerhet, LSG § 9.
    ("Louise Lundholm", ["lsg/2021-02-19/#p9"]),
    # Robert Lindgren presented Hjälpmedelsfrågor, LSG § 6.
    ("Robert Lindgren", ["lsg/2021-02-19/#p6"]),
    # Eva Slätmo presented the covid-19 vaccination item.
    ("Eva Slätmo", ["chefsgrupp-svo/2021-10-14/#covid-19-vaccination-tredje-dosen"]),
    # Jani Sundqvist presented ambulanssjukvården, Samråd § 8.
    ("Jani Sundqvist", ["samrad/2021-03-19/#p8"]),
    # Sara Ekström (utredare) presented the follow-up of regional samverkan, 2023 § 28.
    ("Sara Ekström", ["lsg/2023-09-15/#p28"]),

    # --- diarienummer, dates and places: the meeting itself --------------------------------------
    # The diarienummer of LSG 2021-02-19.
    ("HSN 422:1-2021", ["lsg/2021-02-19/"]),
    # Without the series prefix.
    ("422:1-2021", ["lsg/2021-02-19/"]),
    # The diarienummer of Samråd 2021-03-19.
    ("HSN 418:1-2021", ["samrad/2021-03-19/"]),
    # LSG 2023-09-15, as printed ("HSN: 200:3-2023") ...
    ("HSN: 200:3-2023", ["lsg/2023-09-15/"]),
    # ... and normalised.
    ("HSN 200:3-2023", ["lsg/2023-09-15/"]),
    # The VVG meeting's date.
    ("2021-10-04", ["vvg/2021-10-04/"]),
    # The later LSG meeting's date.
    ("2023-09-15", ["lsg/2023-09-15/"]),
    # The Örebro chefsgrupp met at Loka brunn 14–15 October 2021.
    ("Loka brunn", ["chefsgrupp-svo/2021-10-14/"]),

    # --- abbreviations ---------------------------------------------------------------------------
    # SIP: VVG § 4 (Patientkontrakt och SIP), 2023 § 26 (SIP statistics); LSG § 10 and the Örebro
    # patientkontrakt item only name SIP.
    ("SIP", ["vvg/2021-10-04/#p4", "lsg/2023-09-15/#p26"]),
    # UPH-medel: LSG 2021 § 5 (process and grants), 2023 § 25 (applications decided).
    ("UPH", ["lsg/2021-02-19/#p5", "lsg/2023-09-15/#p25"]),
    # VVG: the meeting page, then its items that are about VVG's work (§ 5 its own meeting times;
    # §§ 4, 6, 7 end in "VVG ställer sig bakom / noterar"); the procedural §§ 1–3 are left out.
    ("VVG", ["vvg/2021-10-04/", "vvg/2021-10-04/#p5", "vvg/2021-10-04/#p4", "vvg/2021-10-04/#p6",
             "vvg/2021-10-04/#p7"]),
    # LINK replaces Prator: 2023 § 31 (förstudie LINK), LSG § 7, Samråd § 4, LSG § 12.
    ("LINK", ["lsg/2023-09-15/#p31", "lsg/2021-02-19/#p7", "samrad/2021-03-19/#p4", "lsg/2021-02-19/#p12"]),
    # SKR presents its work on nära vård in VVG § 6; LSG § 12 decides on SKR's film project.
    ("SKR", ["vvg/2021-10-04/#p6", "lsg/2021-02-19/#p12"]),
    # FVM = Framtidens vårdinformationsmiljö, VVG § 7 (VVG § 4 only names a representative).
    ("FVM", ["vvg/2021-10-04/#p7"]),
    # SÄBO = särskilt boende för äldre: the vaccination item names it; the läkarmedverkan agreement is
    # about doctors in särskilt boende.
    ("SÄBO", ["chefsgrupp-svo/2021-10-14/#covid-19-vaccination-tredje-dosen", "lsg/2021-02-19/#p8",
              "samrad/2021-03-19/#p5"]),
    # The remissvar on SOU 2021:4 is decided in LSG § 7.
    ("SOU 2021:4", ["lsg/2021-02-19/#p7"]),

    # --- topics ----------------------------------------------------------------------------------
    # Samverkansråd patientsäkerhet (LSG § 9), avvikelsehantering/"verktyg för stärkt patientsäkerhet"
    # (Örebro), and the review of the patient-safety council (2023 § 28).
    ("patientsäkerhet", ["lsg/2021-02-19/#p9", "chefsgrupp-svo/2021-10-14/#avvikelsehantering-i-samverkan",
                         "lsg/2023-09-15/#p28"]),
    # Örebro "Psykisk hälsa"; UPH = Uppdrag Psykisk Hälsa in LSG 2021 § 5 and 2023 § 25.
    ("psykisk hälsa", ["chefsgrupp-svo/2021-10-14/#psykisk-halsa", "lsg/2021-02-19/#p5", "lsg/2023-09-15/#p25"]),
    # FVM and digital kompetens (VVG § 7), LINK/Prator (2023 § 31, LSG § 7, Samråd § 4), säkra digitala
    # möten (Örebro), the Prator status report (LSG § 12).
    ("digitalisering", ["vvg/2021-10-04/#p7", "lsg/2023-09-15/#p31", "lsg/2021-02-19/#p7",
                        "samrad/2021-03-19/#p4", "chefsgrupp-svo/2021-10-14/#video-och-distansmoten",
                        "lsg/2021-02-19/#p12"]),
    # Hjälpmedelsfrågor (LSG § 6, Samråd § 6); 2023 § 28 on hjälpmedelsområdet and Hjälpmedelsrådet.
    ("hjälpmedel", ["lsg/2021-02-19/#p6", "samrad/2021-03-19/#p6", "lsg/2023-09-15/#p28"]),

    # --- words that follow "(" in the text -------------------------------------------------------
    # "UPH-medel (Uppdrag Psykisk Hälsa)" is LSG § 5; 2023 § 25 decides UPH applications.
    ("Uppdrag Psykisk Hälsa", ["lsg/2021-02-19/#p5", "lsg/2023-09-15/#p25"]),
    # "Hästharmo (Hästharmoni)": application 32, rejected in 2023 § 25.
    ("Hästharmoni", ["lsg/2023-09-15/#p25"]),
    # "(Framtidens vårdinformationsmiljö)": the FVM item, VVG § 7.
    ("Framtidens vårdinformationsmiljö", ["vvg/2021-10-04/#p7"]),

    # --- decisions -------------------------------------------------------------------------------
    # LSG § 5 decides "Att bevilja UPH-medel till en utvecklingsledare/koordinator"; 2023 § 25 grants applications.
    ("bevilja UPH-medel", ["lsg/2021-02-19/#p5", "lsg/2023-09-15/#p25"]),
    # 2023 § 31: "ärendet ska återremitteras".
    ("återremittera", ["lsg/2023-09-15/#p31"]),
    # The decisions on sortiment and individuella avsteg: LSG § 6 recommends, Samråd § 6 decides.
    ("avsteg från sortiment", ["samrad/2021-03-19/#p6", "lsg/2021-02-19/#p6"]),
    # VVG records "Ställningstagande", not "Beslut": §§ 4 (type Ställningstagande, "ställer sig bakom"), 5, 6, 7.
    ("Ställningstagande", ["vvg/2021-10-04/#p4", "vvg/2021-10-04/#p5", "vvg/2021-10-04/#p6",
                           "vvg/2021-10-04/#p7"]),
]
