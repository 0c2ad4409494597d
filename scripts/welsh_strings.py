# ruff: noqa: E501  (a table of sentences reads best one per line)
"""Bootstrap Welsh translations for resources/i18n/frontdesk_cy.ts.

Run after `scripts/update-translations` has added new source strings: fills in any
unfinished Welsh entry this table knows, leaves entries a translator has already edited
alone. The table is a first draft by the development team; a native Welsh speaker should
review it (see resources/i18n/README.md). Mnemonic letters (&X) match the English ones so
the shortcut table holds in both languages; where the Welsh word lacks the letter it is
added in brackets, as Qt translations commonly do.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

WELSH: dict[tuple[str, str], str] = {
    ("App", "frontdesk cannot start"): "Nid yw frontdesk yn gallu cychwyn",
    (
        "App",
        "The data folder {0} cannot be created: {1}",
    ): "Nid oes modd creu'r ffolder data {0}: {1}",
    ("Ask", "Start a new enquiry?"): "Dechrau ymholiad newydd?",
    (
        "Ask",
        "The enquiry you are typing has not been saved. Discard it and start a new one?",
    ): "Nid yw'r ymholiad rydych yn ei deipio wedi'i gadw. Ei daflu a dechrau un newydd?",
    ("Ask", "The catalogue cannot be read"): "Nid oes modd darllen y catalog",
    (
        "Ask",
        "frontdesk cannot read its copy of the service catalogue ({0}).\n\nThe catalogue holds no enquiries and can be rebuilt: frontdesk will delete it and import the services again. Your enquiries are not touched.\n\nRebuild the catalogue now?",
    ): "Nid yw frontdesk yn gallu darllen ei gopi o'r catalog gwasanaethau ({0}).\n\nNid yw'r catalog yn cadw unrhyw ymholiadau a gellir ei ailadeiladu: bydd frontdesk yn ei ddileu ac yn mewnforio'r gwasanaethau eto. Ni fydd neb yn cyffwrdd â'ch ymholiadau.\n\nAiladeiladu'r catalog nawr?",
    ("Ask", "&Rebuild the catalogue"): "Ailadeiladu'r catalog (&R)",
    ("Ask", "&Not now"): "&Nid nawr",
    ("CallTimer", "No call in progress"): "Dim galwad ar y gweill",
    ("CallTimer", "Call time {0}"): "Amser yr alwad {0}",
    ("CrashDialog", "frontdesk hit a problem"): "Aeth rhywbeth o'i le yn frontdesk",
    (
        "CrashDialog",
        "Something went wrong inside frontdesk. Your saved enquiries are safe and the enquiry you are typing is kept as a draft. You can carry on working.\n\nProblem: {0}",
    ): "Aeth rhywbeth o'i le y tu mewn i frontdesk. Mae'r ymholiadau rydych wedi'u cadw yn ddiogel, ac mae'r ymholiad rydych yn ei deipio wedi'i gadw fel drafft. Gallwch barhau i weithio.\n\nProblem: {0}",
    ("CrashDialog", "Technical details for the support team"): "Manylion technegol i'r tîm cymorth",
    ("DetailPanel", "Service details"): "Manylion y gwasanaeth",
    ("DetailPanel", "Copy phone number (Ctrl+Shift+C)"): "Copïo'r rhif ffôn (Ctrl+Shift+C)",
    (
        "DetailPanel",
        "Choose a search result to see the service's details.",
    ): "Dewiswch ganlyniad chwilio i weld manylion y gwasanaeth.",
    (
        "DetailPanel",
        "This service has no phone number to copy.",
    ): "Nid oes gan y gwasanaeth hwn rif ffôn i'w gopïo.",
    ("DetailPanel", "Copied {0} to the clipboard."): "Wedi copïo {0} i'r clipfwrdd.",
    (
        "EnquiryController",
        "The enquiry you were typing has been restored.",
    ): "Mae'r ymholiad roeddech yn ei deipio wedi'i adfer.",
    ("EnquiryController", "auto-save the enquiry"): "cadw'r ymholiad yn awtomatig",
    (
        "EnquiryController",
        "Nothing to save yet: link a service or write a note first.",
    ): "Dim byd i'w gadw eto: cysylltwch wasanaeth neu ysgrifennwch nodyn yn gyntaf.",
    (
        "EnquiryController",
        "Choose an outcome (Alt+O) before saving.",
    ): "Dewiswch ddeilliant (Alt+O) cyn cadw.",
    (
        "EnquiryController",
        "Choose the service the caller is referred to (Alt+R).",
    ): "Dewiswch y gwasanaeth y caiff y galwr ei atgyfeirio ato (Alt+R).",
    (
        "EnquiryController",
        "desk.db is not open, so the enquiry cannot be saved yet.",
    ): "Nid yw desk.db ar agor, felly does dim modd cadw'r ymholiad eto.",
    ("EnquiryController", "Saving the enquiry…"): "Yn cadw'r ymholiad…",
    ("EnquiryController", "Enquiry saved on this desk."): "Ymholiad wedi'i gadw ar y ddesg hon.",
    (
        "EnquiryController",
        "The enquiry cannot be saved yet: {0}",
    ): "Does dim modd cadw'r ymholiad eto: {0}",
    ("EnquiryController", "save the enquiry"): "cadw'r ymholiad",
    (
        "EnquiryController",
        "the disk is full. Free some space, then save again",
    ): "mae'r ddisg yn llawn. Rhyddhewch le, yna cadwch eto",
    (
        "EnquiryController",
        "desk.db is read-only. Ask IT to make it writable",
    ): "mae desk.db yn ddarllen-yn-unig. Gofynnwch i'r adran TG ei gwneud yn bosibl ysgrifennu iddi",
    (
        "EnquiryController",
        "desk.db cannot be reached. Check the data folder",
    ): "does dim modd cyrraedd desk.db. Gwiriwch y ffolder data",
    (
        "EnquiryController",
        "desk.db is busy. Try again in a moment",
    ): "mae desk.db yn brysur. Rhowch gynnig arall arni mewn munud",
    (
        "EnquiryController",
        "Could not {0}: {1}. Nothing you typed is lost: it is still in the form.",
    ): "Methu {0}: {1}. Does dim byd a deipiwyd gennych wedi'i golli: mae'n dal yn y ffurflen.",
    ("EnquiryForm", "New enquiry (Ctrl+N)"): "Ymholiad newydd (Ctrl+N)",
    ("EnquiryForm", "&Keep the caller's details"): "Cadw manylion y galwr (&K)",
    (
        "EnquiryForm",
        "Only if the caller agrees. Otherwise leave unticked.",
    ): "Dim ond os yw'r galwr yn cytuno. Fel arall, gadewch heb dic.",
    (
        "EnquiryForm",
        "Services linked to this enquiry",
    ): "Gwasanaethau sy'n gysylltiedig â'r ymholiad hwn",
    ("EnquiryForm", "Remove linked service (Delete)"): "Tynnu'r gwasanaeth cysylltiedig (Delete)",
    ("EnquiryForm", "Not chosen yet"): "Heb ei ddewis eto",
    ("EnquiryForm", "Save enquiry (Ctrl+S)"): "Cadw'r ymholiad (Ctrl+S)",
    ("EnquiryForm", "Channe&l"): "Siane&l",
    ("EnquiryForm", "Na&me"): "Enw (&M)",
    ("EnquiryForm", "&Telephone"): "Rhif ffôn (&T)",
    ("EnquiryForm", "&E-mail"): "&E-bost",
    ("EnquiryForm", "Post&code"): "&Cod post",
    ("EnquiryForm", "L&inked services"): "Gwasanaethau cysyllt&iedig",
    ("EnquiryForm", "&Notes"): "&Nodiadau",
    ("EnquiryForm", "&Outcome"): "Deilliant (&O)",
    ("EnquiryForm", "&Refer to"): "Atgyfei&rio at",
    ("EnquiryForm", "Choose a linked service"): "Dewiswch wasanaeth cysylltiedig",
    ("FilterBar", "e.g. M33 7ZZ"): "e.e. M33 7ZZ",
    ("FilterBar", "Open no&w"): "Ar agor na&wr",
    ("FilterBar", "Caller's &postcode"): "Cod &post y galwr",
    ("FilterBar", "&Agency"): "&Asiantaeth",
    ("FilterBar", "Categor&y"): "Categori (&Y)",
    ("FilterBar", "All agencies"): "Pob asiantaeth",
    ("FilterBar", "All categories"): "Pob categori",
    (
        "MainWindow",
        "frontdesk — find a service, log the enquiry",
    ): "frontdesk — dod o hyd i wasanaeth, cofnodi'r ymholiad",
    ("MainWindow", "&File"): "&Ffeil",
    ("MainWindow", "&Go"): "Ewch (&G)",
    ("MainWindow", "&Help"): "&Help",
    (
        "MainWindow",
        "Choose a search result first (Ctrl+F, then Down).",
    ): "Dewiswch ganlyniad chwilio yn gyntaf (Ctrl+F, yna'r saeth i lawr).",
    ("MainWindow", "Linked “{0}” to the enquiry."): "Wedi cysylltu “{0}” â'r ymholiad.",
    (
        "MainWindow",
        "“{0}” is already linked to the enquiry.",
    ): "Mae “{0}” eisoes wedi'i gysylltu â'r ymholiad.",
    (
        "MainWindow",
        "Settings saved. Some take effect when frontdesk restarts.",
    ): "Gosodiadau wedi'u cadw. Bydd rhai'n dod i rym pan fydd frontdesk yn ailgychwyn.",
    ("MessageBar", "Close message (Esc)"): "Cau'r neges (Esc)",
    ("MessageBar", "⚠ Warning:"): "⚠ Rhybudd:",
    ("MessageBar", "✖ Error:"): "✖ Gwall:",
    ("ResultsModel", "✓ Covers {0}"): "✓ Yn cwmpasu {0}",
    ("ResultsModel", "✗ Not at {0}"): "✗ Ddim yn {0}",
    ("ResultsModel", "● Open now"): "● Ar agor nawr",
    ("ResultsModel", "○ Closed now"): "○ Ar gau nawr",
    ("ResultsModel", "⚠ Not recently checked"): "⚠ Heb ei wirio'n ddiweddar",
    (
        "SearchPanel",
        "What does the caller need? e.g. missed bin",
    ): "Beth sydd ei angen ar y galwr? e.e. bin heb ei gasglu",
    ("SearchPanel", "&Search services"): "Chwilio am wa&sanaethau",
    ("SearchPanel", "Res&ults"): "Canlyniada&u",
    ("SearchPanel", "Search results"): "Canlyniadau chwilio",
    ("SearchPanel", "Showing results for “{0}”."): "Yn dangos canlyniadau ar gyfer “{0}”.",
    (
        "SearchPanel",
        "We do not know the postcode {0}: showing services for every area. Check it with the caller.",
    ): "Nid ydym yn adnabod y cod post {0}: yn dangos gwasanaethau ar gyfer pob ardal. Gwiriwch ef gyda'r galwr.",
    ("SearchPanel", "%n service(s) found"): "%n gwasanaeth wedi'u canfod",
    ("SearchPanel", "No services found"): "Dim gwasanaethau wedi'u canfod",
    ("SearchPanel", "Best %n matches shown; type more words to narrow"): (
        "Dangos y %n gorau; teipiwch ragor o eiriau i gulhau"
    ),
    ("ServiceDetail", "Monday"): "Dydd Llun",
    ("ServiceDetail", "Tuesday"): "Dydd Mawrth",
    ("ServiceDetail", "Wednesday"): "Dydd Mercher",
    ("ServiceDetail", "Thursday"): "Dydd Iau",
    ("ServiceDetail", "Friday"): "Dydd Gwener",
    ("ServiceDetail", "Saturday"): "Dydd Sadwrn",
    ("ServiceDetail", "Sunday"): "Dydd Sul",
    ("ServiceDetail", "● Open now, until {0}"): "● Ar agor nawr, tan {0}",
    ("ServiceDetail", "○ Closed now"): "○ Ar gau nawr",
    ("ServiceDetail", "Opening hours not published"): "Oriau agor heb eu cyhoeddi",
    (
        "ServiceDetail",
        "We do not know the caller's postcode, so cannot say who is responsible.",
    ): "Nid ydym yn adnabod cod post y galwr, felly ni allwn ddweud pwy sy'n gyfrifol.",
    (
        "ServiceDetail",
        "Enter the caller's postcode to see who is responsible there.",
    ): "Rhowch god post y galwr i weld pwy sy'n gyfrifol yno.",
    (
        "ServiceDetail",
        "At {0}: the council is not in the catalogue.",
    ): "Yn {0}: nid yw'r cyngor yn y catalog.",
    (
        "ServiceDetail",
        "At {0}: {1} is responsible for council services like this.",
    ): "Yn {0}: {1} sy'n gyfrifol am wasanaethau cyngor fel hwn.",
    (
        "ServiceDetail",
        "⚠ Warning: the publisher has never said when this was last checked.",
    ): "⚠ Rhybudd: nid yw'r cyhoeddwr erioed wedi dweud pryd y cafodd hwn ei wirio ddiwethaf.",
    ("ServiceDetail", "Last checked {0}."): "Gwiriwyd ddiwethaf: {0}.",
    (
        "ServiceDetail",
        "⚠ Warning: not checked for over 12 months.",
    ): "⚠ Rhybudd: heb ei wirio ers dros 12 mis.",
    ("ServiceDetail", "Phone"): "Ffôn",
    ("ServiceDetail", "E-mail"): "E-bost",
    ("ServiceDetail", "Website"): "Gwefan",
    ("ServiceDetail", "Who it is for"): "Ar gyfer pwy",
    ("ServiceDetail", "How to get it"): "Sut i'w gael",
    ("ServiceDetail", "Fees"): "Ffioedd",
    ("ServiceDetail", "Contact"): "Cysylltu",
    ("ServiceDetail", "Opening hours"): "Oriau agor",
    ("ServiceDetail", "Where"): "Ble",
    ("ServiceDetail", "Areas covered"): "Ardaloedd a gwmpesir",
    (
        "ServiceDetail",
        "Who is responsible at the caller's address",
    ): "Pwy sy'n gyfrifol yng nghyfeiriad y galwr",
    ("ServiceDetail", "How up to date"): "Pa mor gyfredol",
    ("ServiceDetail", "Source"): "Ffynhonnell",
    ("Settings", "English (UK)"): "Saesneg (DU)",
    ("Settings", "Welsh (Cymraeg)"): "Cymraeg",
    ("Settings", "Hub address"): "Cyfeiriad yr hwb",
    (
        "Settings",
        "Leave empty to work standalone from local imports.",
    ): "Gadewch yn wag i weithio'n annibynnol o fewnforion lleol.",
    ("Settings", "Data folder"): "Ffolder data",
    (
        "Settings",
        "Where catalogue.db and desk.db live. Empty: the default.",
    ): "Lle mae catalogue.db a desk.db yn cael eu cadw. Gwag: y rhagosodiad.",
    ("Settings", "Keep caller details for (days)"): "Cadw manylion galwyr am (diwrnodau)",
    ("Settings", "Language"): "Iaith",
    ("Settings", "Text size (%)"): "Maint y testun (%)",
    ("SettingsDialog", "Settings"): "Gosodiadau",
    ("SettingsDialog", "(after restart)"): "(ar ôl ailgychwyn)",
    (
        "Shortcuts",
        "Start a new enquiry (starts the call timer)",
    ): "Dechrau ymholiad newydd (yn cychwyn amserydd yr alwad)",
    ("Shortcuts", "Go to the search box"): "Mynd i'r blwch chwilio",
    (
        "Shortcuts",
        "Move through the results (from the search box too)",
    ): "Symud drwy'r canlyniadau (o'r blwch chwilio hefyd)",
    (
        "Shortcuts",
        "Link the selected result to the enquiry (in the results)",
    ): "Cysylltu'r canlyniad a ddewiswyd â'r ymholiad (yn y canlyniadau)",
    (
        "Shortcuts",
        "Link the selected result to the enquiry (anywhere)",
    ): "Cysylltu'r canlyniad a ddewiswyd â'r ymholiad (o unrhyw le)",
    (
        "Shortcuts",
        "Read the selected service's details",
    ): "Darllen manylion y gwasanaeth a ddewiswyd",
    ("Shortcuts", "Copy the service's first phone number"): "Copïo rhif ffôn cyntaf y gwasanaeth",
    ("Shortcuts", "Go to the enquiry form"): "Mynd i ffurflen yr ymholiad",
    ("Shortcuts", "Go to today's enquiries"): "Mynd i ymholiadau heddiw",
    ("Shortcuts", "Channel"): "Sianel",
    (
        "Shortcuts",
        "Keep the caller's details (the caller agrees)",
    ): "Cadw manylion y galwr (mae'r galwr yn cytuno)",
    (
        "Shortcuts",
        "Caller's name, telephone, e-mail, postcode",
    ): "Enw, rhif ffôn, e-bost a chod post y galwr",
    ("Shortcuts", "Linked services"): "Gwasanaethau cysylltiedig",
    ("Shortcuts", "Notes"): "Nodiadau",
    ("Shortcuts", "Outcome"): "Deilliant",
    (
        "Shortcuts",
        "Service the caller is referred to",
    ): "Y gwasanaeth y caiff y galwr ei atgyfeirio ato",
    (
        "Shortcuts",
        "Search filters: caller's postcode, agency, category, open now",
    ): "Hidlwyr chwilio: cod post y galwr, asiantaeth, categori, ar agor nawr",
    ("Shortcuts", "Save the enquiry"): "Cadw'r ymholiad",
    ("Shortcuts", "Close the message bar"): "Cau'r bar negeseuon",
    ("Shortcuts", "Settings"): "Gosodiadau",
    ("Shortcuts", "This list of keyboard shortcuts"): "Y rhestr hon o lwybrau byr y bysellfwrdd",
    ("Shortcuts", "Quit frontdesk"): "Gadael frontdesk",
    ("ShortcutsDialog", "Keyboard shortcuts"): "Llwybrau byr y bysellfwrdd",
    ("ShortcutsDialog", "Keys"): "Bysellau",
    ("ShortcutsDialog", "What it does"): "Beth mae'n ei wneud",
    ("Startup", "Opening the catalogue…"): "Yn agor y catalog…",
    (
        "Startup",
        "This desk's file is not open, so it cannot be signed in.",
    ): "Nid yw ffeil y ddesg hon ar agor, felly nid oes modd ei mewngofnodi.",
    (
        "Startup",
        "Signed in to {0} as {1}. Syncing now…",
    ): "Wedi mewngofnodi i {0} fel {1}. Yn cysoni nawr…",
    ("SignInDialog", "Sign in to the hub"): "Mewngofnodi i'r hyb",
    ("SignInDialog", "&Hub address"): "Cyfeiriad yr &hyb",
    ("SignInDialog", "&Account name"): "Enw'r cyfrif (&A)",
    ("SignInDialog", "&Password"): "Cyfrinair (&P)",
    ("SignInDialog", "Why signing in failed"): "Pam na lwyddodd y mewngofnodi",
    ("SignInDialog", "&Sign in"): "Mewngofnodi (&S)",
    ("SignInDialog", "Signing in…"): "Yn mewngofnodi…",
    (
        "SignInDialog",
        "Fill in the hub address, the account name and the password.",
    ): "Llenwch gyfeiriad yr hyb, enw'r cyfrif a'r cyfrinair.",
    ("SignInDialog", "Not signed in: {0}"): "Heb fewngofnodi: {0}",
    ("Shortcuts", "Sign in to the hub"): "Mewngofnodi i'r hyb",
    ("Startup", "Loading demo catalogue…"): "Yn llwytho'r catalog enghreifftiol…",
    (
        "Startup",
        "Demo catalogue loaded: frontdesk is working standalone.",
    ): "Catalog enghreifftiol wedi'i lwytho: mae frontdesk yn gweithio'n annibynnol.",
    ("Startup", "Catalogue: cannot be opened"): "Catalog: does dim modd ei agor",
    ("Startup", "The catalogue cannot be opened: {0}"): "Does dim modd agor y catalog: {0}",
    ("Startup", "Catalogue: needs rebuilding"): "Catalog: angen ei ailadeiladu",
    (
        "Startup",
        "Searching is unavailable until the catalogue is rebuilt. Enquiries can still be typed and saved.",
    ): "Does dim modd chwilio nes bydd y catalog wedi'i ailadeiladu. Gallwch barhau i deipio a chadw ymholiadau.",
    ("Startup", "Rebuilding the catalogue…"): "Yn ailadeiladu'r catalog…",
    (
        "Startup",
        "desk.db was written by a newer frontdesk. Install that version to keep its enquiries; nothing has been changed.",
    ): "Cafodd desk.db ei ysgrifennu gan fersiwn mwy newydd o frontdesk. Gosodwch y fersiwn honno i gadw ei ymholiadau; does dim wedi newid.",
    (
        "Startup",
        "desk.db in {0} cannot be opened ({1}). Enquiries cannot be saved until this is fixed; check the data folder or ask IT.",
    ): "Does dim modd agor desk.db yn {0} ({1}). Does dim modd cadw ymholiadau nes i hyn gael ei drwsio; gwiriwch y ffolder data neu gofynnwch i'r adran TG.",
    (
        "MainWindow",
        "This desk works standalone: sign it in to a hub first (File → Sign in, Ctrl+Shift+L).",
    ): "Mae'r ddesg hon yn gweithio ar ei phen ei hun: mewngofnodwch i hyb yn gyntaf (Ffeil → Mewngofnodi, Ctrl+Shift+L).",
    ("MainWindow", "Syncing with the hub…"): "Yn cysoni â'r hyb…",
    (
        "MainWindow",
        "Another frontdesk process is syncing this desk; it sends and fetches for this window too.",
    ): "Mae proses frontdesk arall yn cysoni'r ddesg hon; mae'n anfon ac yn nôl ar ran y ffenestr hon hefyd.",
    (
        "MainWindow",
        "Another frontdesk process (frontdesk sync --watch, or another window) is syncing this desk, so this window does not: it sends the enquiries saved here and fetches the catalogue. This window takes over when it stops.",
    ): "Mae proses frontdesk arall (frontdesk sync --watch, neu ffenestr arall) yn cysoni'r ddesg hon, felly nid yw'r ffenestr hon yn gwneud hynny: mae'n anfon yr ymholiadau a gedwir yma ac yn nôl y catalog. Bydd y ffenestr hon yn cymryd drosodd pan fydd yn stopio.",
    (
        "MainWindow",
        "This window syncs this desk with the hub now.",
    ): "Mae'r ffenestr hon yn cysoni'r ddesg hon â'r hyb nawr.",
    (
        "MainWindow",
        "Catalogue from the hub: cannot be opened",
    ): "Catalog o'r hyb: does dim modd ei agor",
    (
        "MainWindow",
        "This desk is signed out of the hub ({0}). Enquiries are kept on this desk. Sign in again: File → Sign in (Ctrl+Shift+L).",
    ): "Mae'r ddesg hon wedi'i hallgofnodi o'r hyb ({0}). Mae ymholiadau'n cael eu cadw ar y ddesg hon. Mewngofnodwch eto: Ffeil → Mewngofnodi (Ctrl+Shift+L).",
    (
        "MainWindow",
        "Sending enquiries to the hub has stopped ({0}). Nothing is lost: they are kept on this desk. Tell your supervisor or IT.",
    ): "Mae anfon ymholiadau i'r hyb wedi stopio ({0}). Does dim byd ar goll: maen nhw'n cael eu cadw ar y ddesg hon. Dywedwch wrth eich goruchwyliwr neu TG.",
    (
        "MainWindow",
        "The catalogue from the hub could not be opened.",
    ): "Nid oedd modd agor y catalog o'r hyb.",
    (
        "MainWindow",
        "The hub refused %n enquiry(s); they are kept on this desk. The reason is in today's enquiries (F9); tell your supervisor.",
    ): "Gwrthododd yr hyb %n ymholiad; maen nhw'n cael eu cadw ar y ddesg hon. Mae'r rheswm yn ymholiadau heddiw (F9); dywedwch wrth eich goruchwyliwr.",
    (
        "Shortcuts",
        "Sync now: send waiting enquiries, fetch updates",
    ): "Cysoni nawr: anfon ymholiadau sy'n aros, nôl diweddariadau",
    ("Startup", "Fetching the catalogue from the hub…"): "Yn nôl y catalog o'r hyb…",
    ("StatusBar", "Background work"): "Gwaith yn y cefndir",
    ("StatusBar", "Connection to the hub"): "Cysylltiad â'r hyb",
    ("StatusBar", "Last sync with the hub"): "Cysoni diwethaf â'r hyb",
    ("StatusBar", "Enquiries waiting to send to the hub"): "Ymholiadau'n aros i'w hanfon i'r hyb",
    ("StatusBar", "Age of the service catalogue"): "Oed y catalog gwasanaethau",
    ("StatusBar", "Syncing…"): "Yn cysoni…",
    ("StatusBar", "Signed out: sign in again"): "Wedi allgofnodi: mewngofnodwch eto",
    (
        "StatusBar",
        "Sync blocked: enquiries are kept on this desk",
    ): "Cysoni wedi'i rwystro: mae ymholiadau'n cael eu cadw ar y ddesg hon",
    ("StatusBar", "{0} (retrying at {1})"): "{0} (yn ceisio eto am {1})",
    ("TodayModel", "no reason given"): "dim rheswm wedi'i roi",
    (
        "TodayModel",
        "The hub refused this enquiry: {0}. It is kept on this desk; tell your supervisor.",
    ): "Gwrthododd yr hyb yr ymholiad hwn: {0}. Mae'n cael ei gadw ar y ddesg hon; dywedwch wrth eich goruchwyliwr.",
    ("StatusBar", "Catalogue: opening…"): "Catalog: yn agor…",
    ("StatusBar", "Standalone"): "Annibynnol",
    (
        "Startup",
        "The demo hub this desk was signed in to has stopped: frontdesk works standalone. Run frontdesk demo to start it again.",
    ): "Mae'r hwb demo yr oedd y ddesg hon wedi mewngofnodi iddo wedi stopio: mae frontdesk yn gweithio'n annibynnol. Rhedwch frontdesk demo i'w gychwyn eto.",
    (
        "Startup",
        "This desk is signed in to the demo hub of a frontdesk demo still running on this computer: only that window can sync it.",
    ): "Mae'r ddesg hon wedi mewngofnodi i hwb demo frontdesk demo sy'n dal i redeg ar y cyfrifiadur hwn: dim ond y ffenestr honno sy'n gallu ei chysoni.",
    ("StatusBar", "Online"): "Ar-lein",
    (
        "StatusBar",
        "Offline: enquiries are kept on this desk",
    ): "All-lein: caiff ymholiadau eu cadw ar y ddesg hon",
    ("StatusBar", "Last sync: never"): "Heb gysoni eto",
    ("StatusBar", "Last sync: {0}"): "Cysoni diwethaf: {0}",
    ("StatusBar", "%n item(s) waiting to send"): "%n eitem yn aros i'w hanfon",
    ("StatusBar", "Catalogue: not available"): "Catalog: ddim ar gael",
    ("StatusBar", "Catalogue: empty"): "Catalog: gwag",
    ("StatusBar", "Catalogue: date unknown"): "Catalog: dyddiad anhysbys",
    ("StatusBar", "Catalogue updated today"): "Catalog wedi'i ddiweddaru heddiw",
    ("StatusBar", "Catalogue updated %n day(s) ago"): "Catalog wedi'i ddiweddaru %n diwrnod yn ôl",
    ("StatusBar", "Synced by another frontdesk process"): "Cysonir gan broses frontdesk arall",
    (
        "StatusBar",
        "{0} (synced by another frontdesk process)",
    ): "{0} (cysonir gan broses frontdesk arall)",
    (
        "StatusBar",
        "frontdesk sync --watch or another frontdesk window is syncing this desk; this window takes over when it stops (or on F5).",
    ): "Mae frontdesk sync --watch neu ffenestr frontdesk arall yn cysoni'r ddesg hon; bydd y ffenestr hon yn cymryd drosodd pan fydd yn stopio (neu ar F5).",
    ("TodayModel", "Time"): "Amser",
    ("TodayModel", "Channel"): "Sianel",
    ("TodayModel", "Outcome"): "Deilliant",
    ("TodayModel", "Services"): "Gwasanaethau",
    ("TodayModel", "Status"): "Statws",
    ("TodayPanel", "Today's enquiries"): "Ymholiadau heddiw",
    ("TodayPanel", "To&day's enquiries"): "Ymholiadau he&ddiw",
    ("Vocabulary", "Phone"): "Ffôn",
    ("Vocabulary", "Face to face"): "Wyneb yn wyneb",
    ("Vocabulary", "E-mail"): "E-bost",
    ("Vocabulary", "Web chat"): "Sgwrs ar y we",
    ("Vocabulary", "Resolved at first contact"): "Datryswyd yn y cyswllt cyntaf",
    ("Vocabulary", "Advice given"): "Rhoddwyd cyngor",
    ("Vocabulary", "Signposted"): "Cyfeiriwyd",
    ("Vocabulary", "Referred"): "Atgyfeiriwyd",
    ("Vocabulary", "Transferred"): "Trosglwyddwyd",
    ("Vocabulary", "Callback arranged"): "Trefnwyd galwad yn ôl",
    ("Vocabulary", "Escalated"): "Uwchgyfeiriwyd",
    ("Vocabulary", "No further action"): "Dim camau pellach",
    ("Vocabulary", "Saved on this desk"): "Wedi'i gadw ar y ddesg hon",
    ("Vocabulary", "Sent to the hub"): "Wedi'i anfon i'r hwb",
    ("Vocabulary", "Rejected by the hub"): "Gwrthodwyd gan yr hwb",
    ("Vocabulary", "Referral sent"): "Atgyfeiriad wedi'i anfon",
    ("Vocabulary", "Acknowledged"): "Cydnabuwyd",
    ("Vocabulary", "In progress"): "Ar y gweill",
    ("Vocabulary", "Action scheduled"): "Camau wedi'u trefnu",
    ("Vocabulary", "Closed – resolved"): "Ar gau – wedi'i ddatrys",
    ("Vocabulary", "Closed – not resolved"): "Ar gau – heb ei ddatrys",
    ("Vocabulary", "Not our responsibility"): "Nid ein cyfrifoldeb ni",
    ("Vocabulary", "Duplicate"): "Dyblyg",
    ("Vocabulary", "Cancelled"): "Canslwyd",
}


def fill(ts_path: Path) -> tuple[int, list[tuple[str, str]]]:
    """Fill unfinished entries; returns (how many filled, entries still untranslated)."""
    tree = ET.parse(ts_path)
    filled, missing = 0, []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for msg in context.iter("message"):
            source = msg.findtext("source") or ""
            translation = msg.find("translation")
            assert translation is not None
            if translation.get("type") not in ("unfinished", None) or not _empty(translation):
                continue
            welsh = WELSH.get((name, source))
            if welsh is None:
                missing.append((name, source))
                continue
            forms = translation.findall("numerusform")
            if forms:
                for form in forms:
                    form.text = welsh
            else:
                translation.text = welsh
            translation.attrib.pop("type", None)
            filled += 1
    if filled:  # untouched files keep lupdate's own layout
        ET.indent(tree, space="    ")
        body = ET.tostring(tree.getroot(), encoding="unicode")
        ts_path.write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
            encoding="utf-8",
        )
    return filled, missing


def _empty(translation: ET.Element) -> bool:
    forms = translation.findall("numerusform")
    if forms:
        return not any(f.text for f in forms)
    return not translation.text


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "resources/i18n/frontdesk_cy.ts")
    count, left = fill(target)
    print(f"filled {count} Welsh entries in {target}")
    for name, source in left:
        print(f"  no Welsh yet: [{name}] {source!r}")
