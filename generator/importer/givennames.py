"""Given names common in Sweden, to tell a person ("Karin Brage") from a place or a group
("Södra Älvsborg", "Beredning VästKom") and to find presenters in running text ("Malin
redovisade ..."). Names of a meeting's own attendees are added to these at run time.

Lower case; hyphenated names (Anne-Marie) are looked up part by part.
"""

from __future__ import annotations

_FEMALE = """
agneta agnes aina alexandra alice alicia alida alma alva amanda amelia amelie ami amina ana
anette angela angelica angelika anita ann anna annelie anneli annette annie anne annika
anja ansa antonia asta astrid aurora barbro beata beatrice bella berit bettan birgit birgitta
bodil boel britt britta brittmarie camilla carin carina carola carolin caroline cassandra
catarina catharina cecilia charlotta charlotte christel christin christina christine clara
corinne dagmar daniela diana ebba edit edith elaine eleonor eleonora elin elina elisabet
elisabeth elise elisa ella ellen ellinor elsa else elsie elvira emelie emilia emelia emma
erika esther eva evelina evelyn fanny felicia frida gabriella gerd gertrud gisela greta
gudrun gull gunborg gunhild gunilla gunnel gun gunvor gurli hanna hannah hedvig helen helena
helene hillevi ida inga ingalill inger ingela ingegerd ingegärd ingrid irene iris irma isa
isabel isabell isabella isabelle jana jeanette jeannette jenni jennie jenny jessica jill
joanna johanna jonna josefin josefine josefina julia juliana kajsa karin karina karolina
katarina katarzyna kate katja katrin katrine kerstin kicki kim kristin kristina laila lena
lill lilian lillemor lina linda linn linnea lisa lisbet lisbeth liselott liselotte lotta
louise lovisa lucia madde madeleine madelene madeléne maj maja majken malena malin margareta
margit maria mariana marianne marie marika marina marit marita marlene martina matilda
maud meja mia mikaela milla mira moa mona monica monika märta nadia nadja natalie nathalie
nina nora ola olivia paula paulina petra pia pernilla ragnhild rebecka rebecca renate rita
ronja rosa rose rut ruth sabina sandra sanna sara selma signe simone siv siri sofia sofie
solveig sonja stina susanne svea sylvia tanja tea teresia therese theresia tina tova tove
ulla ulrica ulrika ursula valentina vanessa vendela veronica veronika vera victoria viktoria
vilma viola vivianne wilma yvonne åsa ylva agda aleksandra anneliese ann-britt ann-charlotte
ann-christin ann-louise ann-sofie anna-karin anna-lena anna-maria anne-marie eva-lena
marie-louise ulla-britt eva-karin karin-margareta jaana marjo pirjo päivi riitta sirpa tuula
minna hanne mette kirsten ingeborg karen gro sigrid unni wenche benedicte dina elna gunnel hjördis inga-lill jeanna lejla lidia liv majvor mirja mari nova rakel saga sally tyra ulrica-marie ylvie amra fatima leila yasmin aisha zeinab
lis elsy ester inez doris vivi viveka ewa ewy iréne mai ann-marie britt-marie maj-britt majbritt solbritt elly gunni
"""

_MALE = """
adam adrian albin albert alexander alf alfred ali allan alvar anders andreas andré andre anton
arne arvid assar axel benny bengt bernt bertil birger björn bo bosse börje carl carlos
christer christian christoffer christopher claes clas conny dag dan daniel david dennis
dragan ebbe edvin egon einar elias emanuel emil enar erik eric evert felix filip folke
fredrik frans fritz gabriel georg gerhard germund gert gunnar gustav gustaf göran gösta
hampus hannes hans harald harry hasse helge henning henric henrik herbert hugo håkan
ingemar ingmar ingvar isak ivan ivar jacob jakob jan jani jens jerker jesper jim jimmy joakim
joel johan johannes john johnny jon jonas jonatan jonathan josef jörgen kalle karl kennet
kenneth kent kevin kim kjell klas krister kristian kristoffer kurt lars leif lennart leo
linus love ludvig magnus malte marcus markus martin mathias mats mattias max melker mikael
michael mohammed mohammad morgan nicklas niklas nils noah norbert ola olle oliver olof olov
oscar oskar otto ove patrik patric peder per peter petter philip pontus rasmus ragnar ralf
rickard richard robert robin roger roland rolf ronny rune sam samuel sebastian sigurd
simon sixten staffan sten stefan steffe sture sune svante sven sverker sören thomas tobias
tom tomas tommy tore torbjörn torsten ture ulf urban valter viktor victor vilhelm wilhelm
william yngve åke örjan östen ingvald nick jörn juha kari matti
mikko pekka timo jukka esa hannu ole jens-erik lars-erik per-olof per-åke karl-erik jan-erik
stig bror roy tor tord lage holger inge uno egil evald helmer osvald jarl sigvard roine berndt kent-åke
ahmed hassan omar mustafa yusuf reza ali-reza amir daniel-johan dino goran jovan marko milan nikola zoran carl-johan hans-olof lars-göran sven-erik bo-göran nils-erik
"""

GIVEN_NAMES: frozenset[str] = frozenset(_FEMALE.split()) | frozenset(_MALE.split())


def is_given_name(word: str, extra: frozenset[str] | set[str] = frozenset()) -> bool:
    """`Anne-Marie`, `Karin`, `Åsa`: a known given name (each part of a hyphenated one)."""
    lowered = word.casefold().strip(".,;:")
    if not lowered:
        return False
    if lowered in GIVEN_NAMES or lowered in extra:
        return True
    parts = lowered.split("-")
    return len(parts) > 1 and all(p in GIVEN_NAMES or p in extra for p in parts)
