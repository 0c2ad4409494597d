<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="cy">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.ui" line="+6"/>
        <source>About frontdesk</source>
        <translation>Ynghylch frontdesk</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>One screen for council contact-centre advisers: find the right service across every agency and log the enquiry, online or off.</source>
        <translation>Un sgrin i gynghorwyr canolfannau cyswllt cynghorau: dod o hyd i&apos;r gwasanaeth cywir ar draws pob asiantaeth a chofnodi&apos;r ymholiad, ar-lein neu all-lein.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Version</source>
        <translation>Fersiwn</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Licence</source>
        <translation>Trwydded</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Data folder</source>
        <translation>Ffolder &amp;data</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../frontdesk/gui/app.py" line="+40"/>
        <source>The machine-wide configuration {0} is ignored ({1}); ask IT to fix it.</source>
        <translation>Mae ffurfweddiad y peiriant cyfan {0} yn cael ei anwybyddu ({1}); gofynnwch i&apos;r adran TG ei drwsio.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>frontdesk cannot start</source>
        <translation>Nid yw frontdesk yn gallu cychwyn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data folder {0} cannot be created: {1}</source>
        <translation>Nid oes modd creu&apos;r ffolder data {0}: {1}</translation>
    </message>
</context>
<context>
    <name>Ask</name>
    <message>
        <location filename="../../frontdesk/gui/dialogs.py" line="+16"/>
        <source>Start a new enquiry?</source>
        <translation>Dechrau ymholiad newydd?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The enquiry you are typing has not been saved. Discard it and start a new one?</source>
        <translation>Nid yw&apos;r ymholiad rydych yn ei deipio wedi&apos;i gadw. Ei daflu a dechrau un newydd?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The catalogue cannot be read</source>
        <translation>Nid oes modd darllen y catalog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>frontdesk cannot read its copy of the service catalogue ({0}).

The catalogue holds no enquiries and can be rebuilt: frontdesk will delete it and import the services again. Your enquiries are not touched.

Rebuild the catalogue now?</source>
        <translation>Nid yw frontdesk yn gallu darllen ei gopi o&apos;r catalog gwasanaethau ({0}).

Nid yw&apos;r catalog yn cadw unrhyw ymholiadau a gellir ei ailadeiladu: bydd frontdesk yn ei ddileu ac yn mewnforio&apos;r gwasanaethau eto. Ni fydd neb yn cyffwrdd â&apos;ch ymholiadau.

Ailadeiladu&apos;r catalog nawr?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Rebuild the catalogue</source>
        <translation>Ailadeiladu&apos;r catalog (&amp;R)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Not now</source>
        <translation>&amp;Nid nawr</translation>
    </message>
</context>
<context>
    <name>CallTimer</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/timer.py" line="+44"/>
        <source>No call in progress</source>
        <translation>Dim galwad ar y gweill</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call time {0}</source>
        <translation>Amser yr alwad {0}</translation>
    </message>
</context>
<context>
    <name>CallerFieldChecks</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/caller_checks.py" line="+46"/>
        <source>Telephone: this is not a telephone number. Type it as, for example, 0161 912 2000 or +44 161 912 2000, or leave it blank.</source>
        <translation>Rhif ffôn: nid yw hwn yn rhif ffôn. Teipiwch ef fel, er enghraifft, 0161 912 2000 neu +44 161 912 2000, neu gadewch ef yn wag.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E-mail: this is not an e-mail address. It should look like name@example.org; correct it or leave it blank.</source>
        <translation>E-bost: nid yw hwn yn gyfeiriad e-bost. Dylai edrych fel enw@example.org; cywirwch ef neu gadewch ef yn wag.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Postcode: this is not a UK postcode. It should look like M33 7ZZ; correct it or leave it blank.</source>
        <translation>Cod post: nid yw hwn yn god post yn y DU. Dylai edrych fel M33 7ZZ; cywirwch ef neu gadewch ef yn wag.</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../frontdesk/gui/crash.py" line="+36"/>
        <source>frontdesk hit a problem</source>
        <translation>Aeth rhywbeth o&apos;i le yn frontdesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong inside frontdesk. Your saved enquiries are safe and the enquiry you are typing is kept as a draft. You can carry on working.

Problem: {0}</source>
        <translation>Aeth rhywbeth o&apos;i le y tu mewn i frontdesk. Mae&apos;r ymholiadau rydych wedi&apos;u cadw yn ddiogel, ac mae&apos;r ymholiad rydych yn ei deipio wedi&apos;i gadw fel drafft. Gallwch barhau i weithio.

Problem: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Technical details for the support team</source>
        <translation>Manylion technegol i&apos;r tîm cymorth</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../frontdesk/gui/detail/panel.py" line="+37"/>
        <location line="+3"/>
        <source>Service details</source>
        <translation>Manylion y gwasanaeth</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy phone number (Ctrl+Shift+C)</source>
        <translation>Copïo&apos;r rhif ffôn (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Choose a search result to see the service&apos;s details.</source>
        <translation>Dewiswch ganlyniad chwilio i weld manylion y gwasanaeth.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This service has no phone number to copy.</source>
        <translation>Nid oes gan y gwasanaeth hwn rif ffôn i&apos;w gopïo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copied {0} to the clipboard.</source>
        <translation>Wedi copïo {0} i&apos;r clipfwrdd.</translation>
    </message>
</context>
<context>
    <name>EnquiryController</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/controller.py" line="+68"/>
        <source>The enquiry you were typing has been restored.</source>
        <translation>Mae&apos;r ymholiad roeddech yn ei deipio wedi&apos;i adfer.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>auto-save the enquiry</source>
        <translation>cadw&apos;r ymholiad yn awtomatig</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing to save yet: link a service or write a note first.</source>
        <translation>Dim byd i&apos;w gadw eto: cysylltwch wasanaeth neu ysgrifennwch nodyn yn gyntaf.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose an outcome (Alt+O) before saving.</source>
        <translation>Dewiswch ddeilliant (Alt+O) cyn cadw.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the service the caller is referred to (Alt+R).</source>
        <translation>Dewiswch y gwasanaeth y caiff y galwr ei atgyfeirio ato (Alt+R).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>desk.db is not open, so the enquiry cannot be saved yet.</source>
        <translation>Nid yw desk.db ar agor, felly does dim modd cadw&apos;r ymholiad eto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving the enquiry…</source>
        <translation>Yn cadw&apos;r ymholiad…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enquiry saved on this desk.</source>
        <translation>Ymholiad wedi&apos;i gadw ar y ddesg hon.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The enquiry cannot be saved yet: {0}</source>
        <translation>Does dim modd cadw&apos;r ymholiad eto: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>save the enquiry</source>
        <translation>cadw&apos;r ymholiad</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the disk is full. Free some space, then save again</source>
        <translation>mae&apos;r ddisg yn llawn. Rhyddhewch le, yna cadwch eto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>desk.db is read-only. Ask IT to make it writable</source>
        <translation>mae desk.db yn ddarllen-yn-unig. Gofynnwch i&apos;r adran TG ei gwneud yn bosibl ysgrifennu iddi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>desk.db cannot be reached. Check the data folder</source>
        <translation>does dim modd cyrraedd desk.db. Gwiriwch y ffolder data</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>desk.db is busy. Try again in a moment</source>
        <translation>mae desk.db yn brysur. Rhowch gynnig arall arni mewn munud</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not {0}: {1}. Nothing you typed is lost: it is still in the form.</source>
        <translation>Methu {0}: {1}. Does dim byd a deipiwyd gennych wedi&apos;i golli: mae&apos;n dal yn y ffurflen.</translation>
    </message>
</context>
<context>
    <name>EnquiryForm</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/form.py" line="+57"/>
        <source>New enquiry (Ctrl+N)</source>
        <translation>Ymholiad newydd (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keep the caller&apos;s details</source>
        <translation>Cadw manylion y galwr (&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only if the caller agrees. Otherwise leave unticked.</source>
        <translation>Dim ond os yw&apos;r galwr yn cytuno. Fel arall, gadewch heb dic.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Services linked to this enquiry</source>
        <translation>Gwasanaethau sy&apos;n gysylltiedig â&apos;r ymholiad hwn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove linked service (Delete)</source>
        <translation>Tynnu&apos;r gwasanaeth cysylltiedig (Delete)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not chosen yet</source>
        <translation>Heb ei ddewis eto</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save enquiry (Ctrl+S)</source>
        <translation>Cadw&apos;r ymholiad (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Channe&amp;l</source>
        <translation>Siane&amp;l</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Na&amp;me</source>
        <translation>Enw (&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Telephone</source>
        <translation>Rhif ffôn (&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail</source>
        <translation>&amp;E-bost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Post&amp;code</source>
        <translation>&amp;Cod post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;inked services</source>
        <translation>Gwasanaethau cysyllt&amp;iedig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>&amp;Nodiadau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outcome</source>
        <translation>Deilliant (&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Refer to</source>
        <translation>Atgyfei&amp;rio at</translation>
    </message>
    <message>
        <location line="+201"/>
        <source>Choose a linked service</source>
        <translation>Dewiswch wasanaeth cysylltiedig</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../frontdesk/gui/search/filters.py" line="+33"/>
        <source>e.g. M33 7ZZ</source>
        <translation>e.e. M33 7ZZ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open no&amp;w</source>
        <translation>Ar agor na&amp;wr</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Caller&apos;s &amp;postcode</source>
        <translation>Cod &amp;post y galwr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agency</source>
        <translation>&amp;Asiantaeth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categor&amp;y</source>
        <translation>Categori (&amp;Y)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>All agencies</source>
        <translation>Pob asiantaeth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All categories</source>
        <translation>Pob categori</translation>
    </message>
</context>
<context>
    <name>InfoLine</name>
    <message>
        <location filename="../../frontdesk/gui/infoline.py" line="+20"/>
        <source>Latest information message</source>
        <translation>Y neges wybodaeth ddiweddaraf</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../frontdesk/gui/main_window.py" line="+73"/>
        <source>frontdesk — find a service, log the enquiry</source>
        <translation>frontdesk — dod o hyd i wasanaeth, cofnodi&apos;r ymholiad</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Go</source>
        <translation>Ewch (&amp;G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>This window syncs this desk with the hub now.</source>
        <translation>Mae&apos;r ffenestr hon yn cysoni&apos;r ddesg hon â&apos;r hyb nawr.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Another frontdesk process (frontdesk sync --watch, or another window) is syncing this desk, so this window does not: it sends the enquiries saved here and fetches the catalogue. This window takes over when it stops.</source>
        <translation>Mae proses frontdesk arall (frontdesk sync --watch, neu ffenestr arall) yn cysoni&apos;r ddesg hon, felly nid yw&apos;r ffenestr hon yn gwneud hynny: mae&apos;n anfon yr ymholiadau a gedwir yma ac yn nôl y catalog. Bydd y ffenestr hon yn cymryd drosodd pan fydd yn stopio.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Syncing with the hub…</source>
        <translation>Yn cysoni â&apos;r hyb…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Another frontdesk process is syncing this desk; it sends and fetches for this window too.</source>
        <translation>Mae proses frontdesk arall yn cysoni&apos;r ddesg hon; mae&apos;n anfon ac yn nôl ar ran y ffenestr hon hefyd.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>This desk works standalone: sign it in to a hub first (File → Sign in, Ctrl+Shift+L).</source>
        <translation>Mae&apos;r ddesg hon yn gweithio ar ei phen ei hun: mewngofnodwch i hyb yn gyntaf (Ffeil → Mewngofnodi, Ctrl+Shift+L).</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>&amp;About frontdesk</source>
        <translation>Ynghylch frontdesk (&amp;A)</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>This desk is signed out of the hub ({0}). Enquiries are kept on this desk. Sign in again: File → Sign in (Ctrl+Shift+L).</source>
        <translation>Mae&apos;r ddesg hon wedi&apos;i hallgofnodi o&apos;r hyb ({0}). Mae ymholiadau&apos;n cael eu cadw ar y ddesg hon. Mewngofnodwch eto: Ffeil → Mewngofnodi (Ctrl+Shift+L).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sending enquiries to the hub has stopped ({0}). Nothing is lost: they are kept on this desk. Tell your supervisor or IT.</source>
        <translation>Mae anfon ymholiadau i&apos;r hyb wedi stopio ({0}). Does dim byd ar goll: maen nhw&apos;n cael eu cadw ar y ddesg hon. Dywedwch wrth eich goruchwyliwr neu TG.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Catalogue from the hub: cannot be opened</source>
        <translation>Catalog o&apos;r hyb: does dim modd ei agor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalogue from the hub could not be opened.</source>
        <translation>Nid oedd modd agor y catalog o&apos;r hyb.</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>The hub refused %n enquiry(s); they are kept on this desk. The reason is in today&apos;s enquiries (F9); tell your supervisor.</source>
        <translation>
            <numerusform>Gwrthododd yr hyb %n ymholiad; maen nhw&apos;n cael eu cadw ar y ddesg hon. Mae&apos;r rheswm yn ymholiadau heddiw (F9); dywedwch wrth eich goruchwyliwr.</numerusform>
            <numerusform>Gwrthododd yr hyb %n ymholiad; maen nhw&apos;n cael eu cadw ar y ddesg hon. Mae&apos;r rheswm yn ymholiadau heddiw (F9); dywedwch wrth eich goruchwyliwr.</numerusform>
            <numerusform>Gwrthododd yr hyb %n ymholiad; maen nhw&apos;n cael eu cadw ar y ddesg hon. Mae&apos;r rheswm yn ymholiadau heddiw (F9); dywedwch wrth eich goruchwyliwr.</numerusform>
            <numerusform>Gwrthododd yr hyb %n ymholiad; maen nhw&apos;n cael eu cadw ar y ddesg hon. Mae&apos;r rheswm yn ymholiadau heddiw (F9); dywedwch wrth eich goruchwyliwr.</numerusform>
            <numerusform>Gwrthododd yr hyb %n ymholiad; maen nhw&apos;n cael eu cadw ar y ddesg hon. Mae&apos;r rheswm yn ymholiadau heddiw (F9); dywedwch wrth eich goruchwyliwr.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose a search result first (Ctrl+F, then Down).</source>
        <translation>Dewiswch ganlyniad chwilio yn gyntaf (Ctrl+F, yna&apos;r saeth i lawr).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Linked “{0}” to the enquiry.</source>
        <translation>Wedi cysylltu “{0}” â&apos;r ymholiad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{0}” is already linked to the enquiry.</source>
        <translation>Mae “{0}” eisoes wedi&apos;i gysylltu â&apos;r ymholiad.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Settings saved. Some take effect when frontdesk restarts.</source>
        <translation>Gosodiadau wedi&apos;u cadw. Bydd rhai&apos;n dod i rym pan fydd frontdesk yn ailgychwyn.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../frontdesk/gui/messagebar.py" line="+20"/>
        <source>Close message (Esc)</source>
        <translation>Cau&apos;r neges (Esc)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>⚠ Warning:</source>
        <translation>⚠ Rhybudd:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>✖ Error:</source>
        <translation>✖ Gwall:</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../frontdesk/gui/search/model.py" line="+40"/>
        <source>✓ Covers {0}</source>
        <translation>✓ Yn cwmpasu {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✗ Not at {0}</source>
        <translation>✗ Ddim yn {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>● Open now</source>
        <translation>● Ar agor nawr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>○ Closed now</source>
        <translation>○ Ar gau nawr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Not recently checked</source>
        <translation>⚠ Heb ei wirio&apos;n ddiweddar</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../frontdesk/gui/search/panel.py" line="+63"/>
        <source>What does the caller need? e.g. missed bin</source>
        <translation>Beth sydd ei angen ar y galwr? e.e. bin heb ei gasglu</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Search services</source>
        <translation>Chwilio am wa&amp;sanaethau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Res&amp;ults</source>
        <translation>Canlyniada&amp;u</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search results</source>
        <translation>Canlyniadau chwilio</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Showing results for “{0}”.</source>
        <translation>Yn dangos canlyniadau ar gyfer “{0}”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We do not know the postcode {0}: showing services for every area. Check it with the caller.</source>
        <translation>Nid ydym yn adnabod y cod post {0}: yn dangos gwasanaethau ar gyfer pob ardal. Gwiriwch ef gyda&apos;r galwr.</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Best %n matches shown; type more words to narrow</source>
        <translation>
            <numerusform>Dangos y %n gorau; teipiwch ragor o eiriau i gulhau</numerusform>
            <numerusform>Dangos y %n gorau; teipiwch ragor o eiriau i gulhau</numerusform>
            <numerusform>Dangos y %n gorau; teipiwch ragor o eiriau i gulhau</numerusform>
            <numerusform>Dangos y %n gorau; teipiwch ragor o eiriau i gulhau</numerusform>
            <numerusform>Dangos y %n gorau; teipiwch ragor o eiriau i gulhau</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n service(s) found</source>
        <translation>
            <numerusform>%n gwasanaeth wedi&apos;u canfod</numerusform>
            <numerusform>%n gwasanaeth wedi&apos;u canfod</numerusform>
            <numerusform>%n gwasanaeth wedi&apos;u canfod</numerusform>
            <numerusform>%n gwasanaeth wedi&apos;u canfod</numerusform>
            <numerusform>%n gwasanaeth wedi&apos;u canfod</numerusform>
        </translation>
    </message>
    <message>
        <location line="-4"/>
        <source>No services found</source>
        <translation>Dim gwasanaethau wedi&apos;u canfod</translation>
    </message>
</context>
<context>
    <name>ServiceDetail</name>
    <message>
        <location filename="../../frontdesk/gui/detail/render.py" line="+20"/>
        <source>Monday</source>
        <translation>Dydd Llun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tuesday</source>
        <translation>Dydd Mawrth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wednesday</source>
        <translation>Dydd Mercher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thursday</source>
        <translation>Dydd Iau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Friday</source>
        <translation>Dydd Gwener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturday</source>
        <translation>Dydd Sadwrn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sunday</source>
        <translation>Dydd Sul</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>● Open now, until {0}</source>
        <translation>● Ar agor nawr, tan {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>○ Closed now</source>
        <translation>○ Ar gau nawr</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours not published</source>
        <translation>Oriau agor heb eu cyhoeddi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>We do not know the caller&apos;s postcode, so cannot say who is responsible.</source>
        <translation>Nid ydym yn adnabod cod post y galwr, felly ni allwn ddweud pwy sy&apos;n gyfrifol.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the caller&apos;s postcode to see who is responsible there.</source>
        <translation>Rhowch god post y galwr i weld pwy sy&apos;n gyfrifol yno.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At {0}: the council is not in the catalogue.</source>
        <translation>Yn {0}: nid yw&apos;r cyngor yn y catalog.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>At {0}: {1} is responsible for council services like this.</source>
        <translation>Yn {0}: {1} sy&apos;n gyfrifol am wasanaethau cyngor fel hwn.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>⚠ Warning: the publisher has never said when this was last checked.</source>
        <translation>⚠ Rhybudd: nid yw&apos;r cyhoeddwr erioed wedi dweud pryd y cafodd hwn ei wirio ddiwethaf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last checked {0}.</source>
        <translation>Gwiriwyd ddiwethaf: {0}.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>⚠ Warning: not checked for over 12 months.</source>
        <translation>⚠ Rhybudd: heb ei wirio ers dros 12 mis.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E-mail</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Website</source>
        <translation>Gwefan</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Who it is for</source>
        <translation>Ar gyfer pwy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How to get it</source>
        <translation>Sut i&apos;w gael</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fees</source>
        <translation>Ffioedd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contact</source>
        <translation>Cysylltu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening hours</source>
        <translation>Oriau agor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where</source>
        <translation>Ble</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Areas covered</source>
        <translation>Ardaloedd a gwmpesir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who is responsible at the caller&apos;s address</source>
        <translation>Pwy sy&apos;n gyfrifol yng nghyfeiriad y galwr</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How up to date</source>
        <translation>Pa mor gyfredol</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../frontdesk/gui/settings.py" line="+25"/>
        <source>English (UK)</source>
        <translation>Saesneg (DU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welsh (Cymraeg)</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Hub address</source>
        <translation>Cyfeiriad yr hwb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave empty to work standalone from local imports.</source>
        <translation>Gadewch yn wag i weithio&apos;n annibynnol o fewnforion lleol.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Data folder</source>
        <translation>Ffolder data</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where catalogue.db and desk.db live. Empty: the default.</source>
        <translation>Lle mae catalogue.db a desk.db yn cael eu cadw. Gwag: y rhagosodiad.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep caller details for (days)</source>
        <translation>Cadw manylion galwyr am (diwrnodau)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Language</source>
        <translation>Iaith</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Text size (%)</source>
        <translation>Maint y testun (%)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings.ui" line="+6"/>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <location filename="../../frontdesk/gui/settings_dialog.py" line="+41"/>
        <source>(set by IT)</source>
        <translation>(wedi&apos;i osod gan TG)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set for this computer by IT; it cannot be changed here.</source>
        <translation>Wedi&apos;i osod ar gyfer y cyfrifiadur hwn gan TG; does dim modd ei newid yma.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(after restart)</source>
        <translation>(ar ôl ailgychwyn)</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../frontdesk/gui/shortcuts.py" line="+30"/>
        <source>Start a new enquiry (starts the call timer)</source>
        <translation>Dechrau ymholiad newydd (yn cychwyn amserydd yr alwad)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to the search box</source>
        <translation>Mynd i&apos;r blwch chwilio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Move through the results (from the search box too)</source>
        <translation>Symud drwy&apos;r canlyniadau (o&apos;r blwch chwilio hefyd)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Link the selected result to the enquiry (in the results)</source>
        <translation>Cysylltu&apos;r canlyniad a ddewiswyd â&apos;r ymholiad (yn y canlyniadau)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Link the selected result to the enquiry (anywhere)</source>
        <translation>Cysylltu&apos;r canlyniad a ddewiswyd â&apos;r ymholiad (o unrhyw le)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read the selected service&apos;s details</source>
        <translation>Darllen manylion y gwasanaeth a ddewiswyd</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy the service&apos;s first phone number</source>
        <translation>Copïo rhif ffôn cyntaf y gwasanaeth</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go to the enquiry form</source>
        <translation>Mynd i ffurflen yr ymholiad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go to today&apos;s enquiries</source>
        <translation>Mynd i ymholiadau heddiw</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel</source>
        <translation>Sianel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep the caller&apos;s details (the caller agrees)</source>
        <translation>Cadw manylion y galwr (mae&apos;r galwr yn cytuno)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Caller&apos;s name, telephone, e-mail, postcode</source>
        <translation>Enw, rhif ffôn, e-bost a chod post y galwr</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linked services</source>
        <translation>Gwasanaethau cysylltiedig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Nodiadau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Deilliant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service the caller is referred to</source>
        <translation>Y gwasanaeth y caiff y galwr ei atgyfeirio ato</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search filters: caller&apos;s postcode, agency, category, open now</source>
        <translation>Hidlwyr chwilio: cod post y galwr, asiantaeth, categori, ar agor nawr</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the enquiry</source>
        <translation>Cadw&apos;r ymholiad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the message bar</source>
        <translation>Cau&apos;r bar negeseuon</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync now: send waiting enquiries, fetch updates</source>
        <translation>Cysoni nawr: anfon ymholiadau sy&apos;n aros, nôl diweddariadau</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sign in to the hub</source>
        <translation>Mewngofnodi i&apos;r hyb</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Settings</source>
        <translation>Gosodiadau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This list of keyboard shortcuts</source>
        <translation>Y rhestr hon o lwybrau byr y bysellfwrdd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quit frontdesk</source>
        <translation>Gadael frontdesk</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcuts.ui" line="+6"/>
        <location line="+6"/>
        <source>Keyboard shortcuts</source>
        <translation>Llwybrau byr y bysellfwrdd</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Keys</source>
        <translation>Bysellau</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What it does</source>
        <translation>Beth mae&apos;n ei wneud</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/sign_in.ui" line="+6"/>
        <source>Sign in to the hub</source>
        <translation>Mewngofnodi i&apos;r hyb</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Hub address</source>
        <translation>Cyfeiriad yr &amp;hyb</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Account name</source>
        <translation>Enw&apos;r cyfrif (&amp;A)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Password</source>
        <translation>Cyfrinair (&amp;P)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Why signing in failed</source>
        <translation>Pam na lwyddodd y mewngofnodi</translation>
    </message>
    <message>
        <location filename="../../frontdesk/gui/sign_in_dialog.py" line="+42"/>
        <location line="+50"/>
        <source>&amp;Sign in</source>
        <translation>Mewngofnodi (&amp;S)</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Fill in the hub address, the account name and the password.</source>
        <translation>Llenwch gyfeiriad yr hyb, enw&apos;r cyfrif a&apos;r cyfrinair.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not signed in: {0}</source>
        <translation>Heb fewngofnodi: {0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Signing in…</source>
        <translation>Yn mewngofnodi…</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../frontdesk/gui/startup.py" line="+102"/>
        <source>Opening the catalogue…</source>
        <translation>Yn agor y catalog…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The demo hub this desk was signed in to has stopped: frontdesk works standalone. Run frontdesk demo to start it again.</source>
        <translation>Mae&apos;r hwb demo yr oedd y ddesg hon wedi mewngofnodi iddo wedi stopio: mae frontdesk yn gweithio&apos;n annibynnol. Rhedwch frontdesk demo i&apos;w gychwyn eto.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This desk is signed in to the demo hub of a frontdesk demo still running on this computer: only that window can sync it.</source>
        <translation>Mae&apos;r ddesg hon wedi mewngofnodi i hwb demo frontdesk demo sy&apos;n dal i redeg ar y cyfrifiadur hwn: dim ond y ffenestr honno sy&apos;n gallu ei chysoni.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>This frontdesk needs updating before it can sync with the hub again; enquiries are kept on this desk.</source>
        <translation>Mae angen diweddaru frontdesk cyn y gall gysoni â&apos;r hwb eto; mae ymholiadau&apos;n cael eu cadw ar y ddesg hon.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not syncing: this frontdesk needs updating</source>
        <translation>Dim cysoni: mae angen diweddaru frontdesk</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This desk&apos;s file is not open, so it cannot be signed in.</source>
        <translation>Nid yw ffeil y ddesg hon ar agor, felly nid oes modd ei mewngofnodi.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Signed in to {0} as {1}. Syncing now…</source>
        <translation>Wedi mewngofnodi i {0} fel {1}. Yn cysoni nawr…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Fetching the catalogue from the hub…</source>
        <translation>Yn nôl y catalog o&apos;r hyb…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading demo catalogue…</source>
        <translation>Yn llwytho&apos;r catalog enghreifftiol…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Demo catalogue loaded: frontdesk is working standalone.</source>
        <translation>Catalog enghreifftiol wedi&apos;i lwytho: mae frontdesk yn gweithio&apos;n annibynnol.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Catalogue: cannot be opened</source>
        <translation>Catalog: does dim modd ei agor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalogue cannot be opened: {0}</source>
        <translation>Does dim modd agor y catalog: {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Catalogue: needs rebuilding</source>
        <translation>Catalog: angen ei ailadeiladu</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Searching is unavailable until the catalogue is rebuilt. Enquiries can still be typed and saved.</source>
        <translation>Does dim modd chwilio nes bydd y catalog wedi&apos;i ailadeiladu. Gallwch barhau i deipio a chadw ymholiadau.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rebuilding the catalogue…</source>
        <translation>Yn ailadeiladu&apos;r catalog…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>desk.db was written by a newer frontdesk. Install that version to keep its enquiries; nothing has been changed.</source>
        <translation>Cafodd desk.db ei ysgrifennu gan fersiwn mwy newydd o frontdesk. Gosodwch y fersiwn honno i gadw ei ymholiadau; does dim wedi newid.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>desk.db in {0} cannot be opened ({1}). Enquiries cannot be saved until this is fixed; check the data folder or ask IT.</source>
        <translation>Does dim modd agor desk.db yn {0} ({1}). Does dim modd cadw ymholiadau nes i hyn gael ei drwsio; gwiriwch y ffolder data neu gofynnwch i&apos;r adran TG.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../frontdesk/gui/statusbar.py" line="+57"/>
        <source>Background work</source>
        <translation>Gwaith yn y cefndir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection to the hub</source>
        <translation>Cysylltiad â&apos;r hyb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sync with the hub</source>
        <translation>Cysoni diwethaf â&apos;r hyb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enquiries waiting to send to the hub</source>
        <translation>Ymholiadau&apos;n aros i&apos;w hanfon i&apos;r hyb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age of the service catalogue</source>
        <translation>Oed y catalog gwasanaethau</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Catalogue: opening…</source>
        <translation>Catalog: yn agor…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+35"/>
        <source>Standalone</source>
        <translation>Annibynnol</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+34"/>
        <source>Online</source>
        <translation>Ar-lein</translation>
    </message>
    <message>
        <location line="-32"/>
        <location line="+34"/>
        <source>Offline: enquiries are kept on this desk</source>
        <translation>All-lein: caiff ymholiadau eu cadw ar y ddesg hon</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+54"/>
        <source>Last sync: never</source>
        <translation>Heb gysoni eto</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Synced by another frontdesk process</source>
        <translation>Cysonir gan broses frontdesk arall</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>frontdesk sync --watch or another frontdesk window is syncing this desk; this window takes over when it stops (or on F5).</source>
        <translation>Mae frontdesk sync --watch neu ffenestr frontdesk arall yn cysoni&apos;r ddesg hon; bydd y ffenestr hon yn cymryd drosodd pan fydd yn stopio (neu ar F5).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Syncing…</source>
        <translation>Yn cysoni…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed out: sign in again</source>
        <translation>Wedi allgofnodi: mewngofnodwch eto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sync blocked: enquiries are kept on this desk</source>
        <translation>Cysoni wedi&apos;i rwystro: mae ymholiadau&apos;n cael eu cadw ar y ddesg hon</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} (retrying at {1})</source>
        <translation>{0} (yn ceisio eto am {1})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} (synced by another frontdesk process)</source>
        <translation>{0} (cysonir gan broses frontdesk arall)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Last sync: {0}</source>
        <translation>Cysoni diwethaf: {0}</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n enquiry(s) waiting to send</source>
        <translation>
            <numerusform>%n ymholiad yn aros i&apos;w anfon</numerusform>
            <numerusform>%n ymholiad yn aros i&apos;w anfon</numerusform>
            <numerusform>%n ymholiad yn aros i&apos;w anfon</numerusform>
            <numerusform>%n ymholiad yn aros i&apos;w anfon</numerusform>
            <numerusform>%n ymholiad yn aros i&apos;w anfon</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Catalogue: not available</source>
        <translation>Catalog: ddim ar gael</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Catalogue: empty</source>
        <translation>Catalog: gwag</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Catalogue: date unknown</source>
        <translation>Catalog: dyddiad anhysbys</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Catalogue updated today</source>
        <translation>Catalog wedi&apos;i ddiweddaru heddiw</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Catalogue updated %n day(s) ago</source>
        <translation>
            <numerusform>Catalog wedi&apos;i ddiweddaru %n diwrnod yn ôl</numerusform>
            <numerusform>Catalog wedi&apos;i ddiweddaru %n diwrnod yn ôl</numerusform>
            <numerusform>Catalog wedi&apos;i ddiweddaru %n diwrnod yn ôl</numerusform>
            <numerusform>Catalog wedi&apos;i ddiweddaru %n diwrnod yn ôl</numerusform>
            <numerusform>Catalog wedi&apos;i ddiweddaru %n diwrnod yn ôl</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/today.py" line="+53"/>
        <source>no reason given</source>
        <translation>dim rheswm wedi&apos;i roi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub refused this enquiry: {0}. It is kept on this desk; tell your supervisor.</source>
        <translation>Gwrthododd yr hyb yr ymholiad hwn: {0}. Mae&apos;n cael ei gadw ar y ddesg hon; dywedwch wrth eich goruchwyliwr.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Time</source>
        <translation>Amser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>Sianel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Deilliant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Services</source>
        <translation>Gwasanaethau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statws</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location line="+42"/>
        <source>Today&apos;s enquiries</source>
        <translation>Ymholiadau heddiw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To&amp;day&apos;s enquiries</source>
        <translation>Ymholiadau he&amp;ddiw</translation>
    </message>
</context>
<context>
    <name>UpdateNotice</name>
    <message>
        <location filename="../../frontdesk/gui/update_notice.py" line="+52"/>
        <source>Whether this frontdesk needs updating</source>
        <extracomment>Seconds between checks while the app runs (a release is not urgent to the minute).</extracomment>
        <translation>A oes angen diweddaru frontdesk</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Update available: frontdesk {0}</source>
        <translation>Diweddariad ar gael: frontdesk {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This version ({0}) still works; IT can install the new one.</source>
        <translation>Mae&apos;r fersiwn hon ({0}) yn dal i weithio; gall yr adran TG osod yr un newydd.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Update needed: enquiries are kept on this desk</source>
        <translation>Angen diweddaru: mae ymholiadau&apos;n cael eu cadw ar y ddesg hon</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This frontdesk ({0}) is older than the hub accepts ({1} or later), so it no longer syncs. It keeps working offline and keeps every enquiry until IT updates it.</source>
        <translation>Mae&apos;r frontdesk hwn ({0}) yn hŷn nag y mae&apos;r hwb yn ei dderbyn ({1} neu&apos;n ddiweddarach), felly nid yw&apos;n cysoni mwyach. Mae&apos;n dal i weithio all-lein ac yn cadw pob ymholiad nes i&apos;r adran TG ei ddiweddaru.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/vocabulary.py" line="+15"/>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Face to face</source>
        <translation>Wyneb yn wyneb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Web chat</source>
        <translation>Sgwrs ar y we</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resolved at first contact</source>
        <translation>Datryswyd yn y cyswllt cyntaf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Advice given</source>
        <translation>Rhoddwyd cyngor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signposted</source>
        <translation>Cyfeiriwyd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referred</source>
        <translation>Atgyfeiriwyd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transferred</source>
        <translation>Trosglwyddwyd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Callback arranged</source>
        <translation>Trefnwyd galwad yn ôl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escalated</source>
        <translation>Uwchgyfeiriwyd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No further action</source>
        <translation>Dim camau pellach</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved on this desk</source>
        <translation>Wedi&apos;i gadw ar y ddesg hon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to the hub</source>
        <translation>Wedi&apos;i anfon i&apos;r hwb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected by the hub</source>
        <translation>Gwrthodwyd gan yr hwb</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Referral sent</source>
        <translation>Atgyfeiriad wedi&apos;i anfon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledged</source>
        <translation>Cydnabuwyd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In progress</source>
        <translation>Ar y gweill</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action scheduled</source>
        <translation>Camau wedi&apos;u trefnu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed – resolved</source>
        <translation>Ar gau – wedi&apos;i ddatrys</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closed – not resolved</source>
        <translation>Ar gau – heb ei ddatrys</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not our responsibility</source>
        <translation>Nid ein cyfrifoldeb ni</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplicate</source>
        <translation>Dyblyg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Canslwyd</translation>
    </message>
</context>
</TS>
