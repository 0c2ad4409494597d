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
    <name>AlertBanner</name>
    <message>
        <location filename="../../frontdesk/gui/detail/alert.py" line="+49"/>
        <source>Service alert</source>
        <translation>Rhybudd gwasanaeth</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>⚠ Service alert, until {0}: {1}</source>
        <translation>⚠ Rhybudd gwasanaeth, tan {0}: {1}</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../frontdesk/gui/app.py" line="+41"/>
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
    <name>CallRecord</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/call_record.py" line="+69"/>
        <source>The organisation&apos;s reason list cannot be used, so only the built-in reasons are offered: {0}</source>
        <translation>Nid oes modd defnyddio rhestr rhesymau&apos;r sefydliad, felly dim ond y rhesymau adeiledig a gynigir: {0}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The wrap-up time could not be recorded: {0}</source>
        <translation>Nid oedd modd cofnodi&apos;r amser cloi: {0}</translation>
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
    <name>CallerHistory</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/caller_history.py" line="+190"/>
        <source>This desk&apos;s enquiries only: the hub cannot be asked now.</source>
        <translation>Ymholiadau&apos;r ddesg hon yn unig: nid oes modd holi&apos;r hyb ar hyn o bryd.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>at another desk</source>
        <translation>mewn desg arall</translation>
    </message>
</context>
<context>
    <name>CallerHistoryPanel</name>
    <message>
        <location line="-159"/>
        <source>The caller&apos;s earlier enquiries</source>
        <translation>Ymholiadau blaenorol y galwr</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Rang %n time(s) in the last 30 days</source>
        <translation>
            <numerusform>Wedi ffonio %n gwaith yn y 30 diwrnod diwethaf</numerusform>
            <numerusform>Wedi ffonio unwaith yn y 30 diwrnod diwethaf</numerusform>
            <numerusform>Wedi ffonio %n gwaith yn y 30 diwrnod diwethaf</numerusform>
            <numerusform>Wedi ffonio %n gwaith yn y 30 diwrnod diwethaf</numerusform>
            <numerusform>Wedi ffonio %n gwaith yn y 30 diwrnod diwethaf</numerusform>
        </translation>
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
        <location filename="../../frontdesk/gui/detail/panel.py" line="+52"/>
        <location line="+5"/>
        <source>Service details</source>
        <translation>Manylion y gwasanaeth</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy phone number (Ctrl+Shift+C)</source>
        <translation>Copïo&apos;r rhif ffôn (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print a hand-out (Ctrl+P)</source>
        <translation>Argraffu taflen (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Report a problem (Ctrl+Shift+R)</source>
        <translation>Rhoi gwybod am broblem (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report a problem with this record</source>
        <translation>Rhoi gwybod am broblem gyda&apos;r cofnod hwn</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Choose a search result to see the service&apos;s details.</source>
        <translation>Dewiswch ganlyniad chwilio i weld manylion y gwasanaeth.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Service id {0}</source>
        <translation>Dynodydd y gwasanaeth {0}</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This service has no phone number to copy.</source>
        <translation>Nid oes gan y gwasanaeth hwn rif ffôn i&apos;w gopïo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copied {0} to the clipboard.</source>
        <translation>Wedi copïo {0} i&apos;r clipfwrdd.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose a service first, then print its hand-out.</source>
        <translation>Dewiswch wasanaeth yn gyntaf, yna argraffwch ei daflen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The hand-out could not be printed: {0}</source>
        <translation>Nid oedd modd argraffu’r daflen: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hand-out for {0} sent to the printer.</source>
        <translation>Anfonwyd y daflen ar gyfer {0} i’r argraffydd.</translation>
    </message>
</context>
<context>
    <name>EnquiryController</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/controller.py" line="+75"/>
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
        <location line="+7"/>
        <source>Enquiry {0} saved on this desk. Give the caller this reference.</source>
        <translation>Ymholiad {0} wedi&apos;i gadw ar y ddesg hon. Rhowch y cyfeirnod hwn i&apos;r galwr.</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location filename="../../frontdesk/gui/enquiry/form.py" line="+67"/>
        <source>New enquiry (Ctrl+N)</source>
        <translation>Ymholiad newydd (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrap-up done</source>
        <translation>Wedi cloi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say you have finished the work after the last call</source>
        <translation>Dweud eich bod wedi gorffen y gwaith ar ôl yr alwad ddiwethaf</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Keep the caller&apos;s details</source>
        <translation>Cadw manylion y galwr (&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only if the caller agrees. Otherwise leave unticked.</source>
        <translation>Dim ond os yw&apos;r galwr yn cytuno. Fel arall, gadewch heb dic.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Services linked to this enquiry</source>
        <translation>Gwasanaethau sy&apos;n gysylltiedig â&apos;r ymholiad hwn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove linked service (Delete)</source>
        <translation>Tynnu&apos;r gwasanaeth cysylltiedig (Delete)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+235"/>
        <source>Not chosen yet</source>
        <translation>Heb ei ddewis eto</translation>
    </message>
    <message>
        <location line="-231"/>
        <source>Save enquiry (Ctrl+S)</source>
        <translation>Cadw&apos;r ymholiad (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <source>What the call was a&amp;bout</source>
        <translation>&amp;Beth oedd diben yr alwad</translation>
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
        <location line="+121"/>
        <source>an earlier enquiry</source>
        <translation>ymholiad cynharach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This call follows up enquiry {0}.</source>
        <translation>Mae&apos;r alwad hon yn dilyn ymholiad {0}.</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>Choose a linked service</source>
        <translation>Dewiswch wasanaeth cysylltiedig</translation>
    </message>
</context>
<context>
    <name>EnquiryHistory</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/event_history.py" line="+19"/>
        <source>no outcome</source>
        <translation>dim deilliant</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Corrected: {0}</source>
        <translation>Cywirwyd: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved ({0})</source>
        <translation>Cadwyd ({0})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service linked: {0}</source>
        <translation>Gwasanaeth wedi&apos;i gysylltu: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note: {0}</source>
        <translation>Nodyn: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Outcome: {0}</source>
        <translation>Deilliant: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Referral sent to {0}</source>
        <translation>Atgyfeiriad wedi&apos;i anfon at {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up done</source>
        <translation>Camau dilynol wedi&apos;u gwneud</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>note added: {0}</source>
        <translation>nodyn wedi&apos;i ychwanegu: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>outcome changed to {0}</source>
        <translation>deilliant wedi&apos;i newid i {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>referral redirected to {0}</source>
        <translation>atgyfeiriad wedi&apos;i ailgyfeirio at {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>referral withdrawn</source>
        <translation>atgyfeiriad wedi&apos;i dynnu&apos;n ôl</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>linked services changed</source>
        <translation>gwasanaethau cysylltiedig wedi&apos;u newid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>caller details changed</source>
        <translation>manylion y galwr wedi&apos;u newid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>channel changed</source>
        <translation>sianel wedi&apos;i newid</translation>
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
    <name>Handout</name>
    <message>
        <location filename="../../frontdesk/gui/handout/words.py" line="+17"/>
        <source>Details of the service we talked about</source>
        <translation>Manylion y gwasanaeth y buom yn siarad amdano</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provided by</source>
        <translation>Yn cael ei ddarparu gan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Ffôn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Oriau agor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>Gwefan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan the code with a phone camera to open the website.</source>
        <translation>Sganiwch y cod gyda chamera ffôn i agor y wefan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to bring</source>
        <translation>Beth i ddod gyda chi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given to you on {0}.</source>
        <translation>Rhoddwyd i chi ar {0}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QR code of the website address</source>
        <translation>Cod QR cyfeiriad y wefan</translation>
    </message>
    <message>
        <location line="+2"/>
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
</context>
<context>
    <name>HandoutOptions</name>
    <message>
        <location filename="../../frontdesk/gui/handout/dialog.py" line="+39"/>
        <source>Print a hand-out</source>
        <translation>Argraffu taflen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English</source>
        <translation>Saesneg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welsh (Cymraeg)</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Large print</source>
        <translation>Print bras (&amp;L)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Print…</source>
        <translation>Argraffu… (&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language of the hand-out:</source>
        <translation>Iaith y daf&amp;len:</translation>
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
    <name>LinkedServicesModel</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/linked.py" line="+23"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../frontdesk/gui/main_window.py" line="+84"/>
        <source>frontdesk — find a service, log the enquiry</source>
        <translation>frontdesk — dod o hyd i wasanaeth, cofnodi&apos;r ymholiad</translation>
    </message>
    <message>
        <location filename="../../frontdesk/gui/menus.py" line="+20"/>
        <source>&amp;File</source>
        <translation>&amp;Ffeil</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Go</source>
        <translation>Ewch (&amp;G)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../frontdesk/gui/main_window.py" line="+221"/>
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
        <location filename="../../frontdesk/gui/menus.py" line="+21"/>
        <source>&amp;About frontdesk</source>
        <translation>Ynghylch frontdesk (&amp;A)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/gui/main_window.py" line="+54"/>
        <source>This desk is signed out of the hub ({0}). Enquiries are kept on this desk. Sign in again: File → Sign in (Ctrl+Shift+L).</source>
        <translation>Mae&apos;r ddesg hon wedi&apos;i hallgofnodi o&apos;r hyb ({0}). Mae ymholiadau&apos;n cael eu cadw ar y ddesg hon. Mewngofnodwch eto: Ffeil → Mewngofnodi (Ctrl+Shift+L).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sending enquiries to the hub has stopped ({0}). Nothing is lost: they are kept on this desk. Tell your supervisor or IT.</source>
        <translation>Mae anfon ymholiadau i&apos;r hyb wedi stopio ({0}). Does dim byd ar goll: maen nhw&apos;n cael eu cadw ar y ddesg hon. Dywedwch wrth eich goruchwyliwr neu TG.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Catalogue from the hub: cannot be opened</source>
        <translation>Catalog o&apos;r hyb: does dim modd ei agor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The catalogue from the hub could not be opened.</source>
        <translation>Nid oedd modd agor y catalog o&apos;r hyb.</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
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
        <location line="+65"/>
        <source>Choose a search result first (Ctrl+F, then Down).</source>
        <translation>Dewiswch ganlyniad chwilio yn gyntaf (Ctrl+F, yna&apos;r saeth i lawr).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Refer to “{0}”: press Ctrl+S to save.</source>
        <translation>Atgyfeirio at “{0}”: pwyswch Ctrl+S i gadw.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Linked “{0}” to the enquiry.</source>
        <translation>Wedi cysylltu “{0}” â&apos;r ymholiad.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{0}” is already linked to the enquiry.</source>
        <translation>Mae “{0}” eisoes wedi&apos;i gysylltu â&apos;r ymholiad.</translation>
    </message>
    <message>
        <location line="+22"/>
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
    <name>NoResults</name>
    <message>
        <location filename="../../frontdesk/gui/search/no_results.py" line="+25"/>
        <source>Clear the filters and search everything</source>
        <translation>Clirio&apos;r hidlwyr a chwilio popeth</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No services found with these filters: {0}.</source>
        <translation>Ni chafwyd hyd i wasanaethau gyda&apos;r hidlwyr hyn: {0}.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Without them, more than %n services match.</source>
        <translation>
            <numerusform>Hebddynt, mae mwy na %n gwasanaeth yn cyfateb.</numerusform>
            <numerusform>Hebddynt, mae mwy na %n gwasanaeth yn cyfateb.</numerusform>
            <numerusform>Hebddynt, mae mwy na %n gwasanaeth yn cyfateb.</numerusform>
            <numerusform>Hebddynt, mae mwy na %n gwasanaeth yn cyfateb.</numerusform>
            <numerusform>Hebddynt, mae mwy na %n gwasanaeth yn cyfateb.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Without them, %n service(s) match.</source>
        <translation>
            <numerusform>Hebddynt, mae %n gwasanaeth yn cyfateb.</numerusform>
            <numerusform>Hebddynt, mae %n gwasanaeth yn cyfateb.</numerusform>
            <numerusform>Hebddynt, mae %n gwasanaeth yn cyfateb.</numerusform>
            <numerusform>Hebddynt, mae %n gwasanaeth yn cyfateb.</numerusform>
            <numerusform>Hebddynt, mae %n gwasanaeth yn cyfateb.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Without them, nothing matches either: try other words.</source>
        <translation>Hebddynt, does dim yn cyfateb chwaith: rhowch gynnig ar eiriau eraill.</translation>
    </message>
</context>
<context>
    <name>QuickPicks</name>
    <message>
        <location filename="../../frontdesk/gui/quick_picks.py" line="+99"/>
        <source>No quick picks yet: the services this desk links most get Alt+1 to Alt+9.</source>
        <translation>Dim dewisiadau cyflym eto: bydd y gwasanaethau y mae&apos;r ddesg hon yn eu cysylltu amlaf yn cael Alt+1 i Alt+9.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>There is no quick pick {0}: this desk has %n so far.</source>
        <translation>
            <numerusform>Does dim dewis cyflym {0}: dim ond %n sydd gan y ddesg hon hyd yma.</numerusform>
            <numerusform>Does dim dewis cyflym {0}: dim ond %n sydd gan y ddesg hon hyd yma.</numerusform>
            <numerusform>Does dim dewis cyflym {0}: dim ond %n sydd gan y ddesg hon hyd yma.</numerusform>
            <numerusform>Does dim dewis cyflym {0}: dim ond %n sydd gan y ddesg hon hyd yma.</numerusform>
            <numerusform>Does dim dewis cyflym {0}: dim ond %n sydd gan y ddesg hon hyd yma.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/reasons.py" line="+14"/>
        <source>Housing</source>
        <translation>Tai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Money</source>
        <translation>Arian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Health</source>
        <translation>Iechyd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety</source>
        <translation>Diogelwch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family</source>
        <translation>Teulu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work</source>
        <translation>Gwaith</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment</source>
        <translation>Amgylchedd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport</source>
        <translation>Trafnidiaeth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Education</source>
        <translation>Addysg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Community</source>
        <translation>Cymuned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General</source>
        <translation>Cyffredinol</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Repair to a home</source>
        <translation>Atgyweirio cartref</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Homeless or at risk of homelessness</source>
        <translation>Digartref neu mewn perygl o fod yn ddigartref</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Council tax bill or payment</source>
        <translation>Bil neu daliad treth gyngor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Benefits claim or payment</source>
        <translation>Hawliad neu daliad budd-daliadau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Debt or money worries</source>
        <translation>Dyled neu bryderon ariannol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Care and support at home</source>
        <translation>Gofal a chymorth yn y cartref</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mental health support</source>
        <translation>Cymorth iechyd meddwl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report a crime or antisocial behaviour</source>
        <translation>Rhoi gwybod am drosedd neu ymddygiad gwrthgymdeithasol</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Safeguarding concern</source>
        <translation>Pryder diogelu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Childcare or children&apos;s services</source>
        <translation>Gofal plant neu wasanaethau plant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bereavement</source>
        <translation>Profedigaeth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Looking for work or training</source>
        <translation>Chwilio am waith neu hyfforddiant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed bin collection</source>
        <translation>Casgliad bin wedi&apos;i fethu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fly-tipping or litter</source>
        <translation>Tipio anghyfreithlon neu sbwriel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pests or noise</source>
        <translation>Plâu neu sŵn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pothole, street light or road fault</source>
        <translation>Twll yn y ffordd, golau stryd neu nam ar y ffordd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parking permit or fine</source>
        <translation>Trwydded neu ddirwy parcio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>School place or admission</source>
        <translation>Lle neu dderbyn i ysgol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special educational needs</source>
        <translation>Anghenion addysgol arbennig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Birth, death or marriage registration</source>
        <translation>Cofrestru genedigaeth, marwolaeth neu briodas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Library services</source>
        <translation>Gwasanaethau llyfrgell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>General information</source>
        <translation>Gwybodaeth gyffredinol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complaint or compliment</source>
        <translation>Cwyn neu ganmoliaeth</translation>
    </message>
</context>
<context>
    <name>RecordReports</name>
    <message numerus="yes">
        <location filename="../../frontdesk/gui/detail/record_reports.py" line="+59"/>
        <source>%n adviser(s)</source>
        <extracomment>This desk&apos;s own reports shown on a service, newest first.</extracomment>
        <translation>
            <numerusform>%n cynghorydd</numerusform>
            <numerusform>%n cynghorydd</numerusform>
            <numerusform>%n cynghorydd</numerusform>
            <numerusform>%n cynghorydd</numerusform>
            <numerusform>%n cynghorydd</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ Reported: {0} ({1}, since {2})</source>
        <translation>⚠ Wedi&apos;i adrodd: {0} ({1}, ers {2})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>phone number may be wrong</source>
        <translation>gall y rhif ffôn fod yn anghywir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail address may be wrong</source>
        <translation>gall y cyfeiriad e-bost fod yn anghywir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address may be wrong</source>
        <translation>gall y cyfeiriad fod yn anghywir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opening hours may be wrong</source>
        <translation>gall yr oriau agor fod yn anghywir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>eligibility may be wrong</source>
        <translation>gall y meini prawf cymhwysedd fod yn anghywir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>may have closed or moved</source>
        <translation>efallai ei fod wedi cau neu symud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>something may be wrong</source>
        <translation>gall rhywbeth fod yn anghywir</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>today</source>
        <translation>heddiw</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Your report of {0} ({1}): {2}</source>
        <translation>Eich adroddiad ar {0} ({1}): {2}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>phone number</source>
        <translation>rhif ffôn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e-mail address</source>
        <translation>cyfeiriad e-bost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>address</source>
        <translation>cyfeiriad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>opening hours</source>
        <translation>oriau agor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>eligibility</source>
        <translation>cymhwysedd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed or moved</source>
        <translation>wedi cau neu symud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>something else</source>
        <translation>rhywbeth arall</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>refused by the hub: {0}</source>
        <translation>gwrthodwyd gan yr hyb: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>saved on this desk, not sent yet</source>
        <translation>wedi&apos;i gadw ar y ddesg hon, heb ei anfon eto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sent to the hub</source>
        <translation>wedi&apos;i anfon i&apos;r hyb</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting for the agency</source>
        <translation>yn aros am yr asiantaeth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the agency is looking into it</source>
        <translation>mae&apos;r asiantaeth yn ymchwilio iddo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fixed by the agency</source>
        <translation>wedi&apos;i gywiro gan yr asiantaeth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the agency found nothing wrong</source>
        <translation>ni chanfu&apos;r asiantaeth ddim o&apos;i le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the record has changed since</source>
        <translation>mae&apos;r cofnod wedi newid ers hynny</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a service first, then report a problem with it.</source>
        <translation>Dewiswch wasanaeth yn gyntaf, yna rhowch wybod am broblem gydag ef.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Report saved on this desk; it goes to the agency that owns {0} at the next sync.</source>
        <translation>Mae&apos;r adroddiad wedi&apos;i gadw ar y ddesg hon; bydd yn mynd i&apos;r asiantaeth sy&apos;n berchen ar {0} yn y cysoniad nesaf.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The report cannot be saved: {0}</source>
        <translation>Nid oes modd cadw&apos;r adroddiad: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The report could not be saved: desk.db cannot be written just now. Try again; tell IT if it keeps happening.</source>
        <translation>Nid oedd modd cadw&apos;r adroddiad: nid oes modd ysgrifennu i desk.db ar hyn o bryd. Rhowch gynnig arall arni; dywedwch wrth TG os yw&apos;n dal i ddigwydd.</translation>
    </message>
</context>
<context>
    <name>ReopenController</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/reopen_controller.py" line="+64"/>
        <source>No enquiry on this desk has the reference {0}.</source>
        <translation>Does dim ymholiad ar y ddesg hon â&apos;r cyfeirnod {0}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enquiry {0} is open in the enquiry panel (F8).</source>
        <translation>Mae ymholiad {0} ar agor ym mhanel yr ymholiad (F8).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Nothing to correct yet: add a note or change a field.</source>
        <translation>Dim byd i&apos;w gywiro eto: ychwanegwch nodyn neu newidiwch faes.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saving the correction…</source>
        <translation>Yn cadw&apos;r cywiriad…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Correction to {0} saved on this desk.</source>
        <translation>Cywiriad i {0} wedi&apos;i gadw ar y ddesg hon.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The correction cannot be saved: {0}</source>
        <translation>Does dim modd cadw&apos;r cywiriad: {0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not save the correction: {0}. What you typed is still there.</source>
        <translation>Methu cadw&apos;r cywiriad: {0}. Mae&apos;r hyn a deipioch yno o hyd.</translation>
    </message>
</context>
<context>
    <name>ReopenPanel</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/reopen.py" line="+63"/>
        <source>History of this enquiry</source>
        <translation>Hanes yr ymholiad hwn</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Follow-up don&amp;e</source>
        <translation>Camau dilynol wedi&apos;u gwneud (&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save correction</source>
        <translation>Cadw&apos;r cywiriad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New call about this enquiry</source>
        <translation>Galwad newydd am yr ymholiad hwn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Cau</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>His&amp;tory</source>
        <translation>Hanes (&amp;T)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Add a &amp;note</source>
        <translation>Ychwanegu &amp;nodyn</translation>
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
        <location line="+36"/>
        <source>(no reference)</source>
        <translation>(dim cyfeirnod)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enquiry {0}</source>
        <translation>Ymholiad {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved {0} · {1}</source>
        <translation>Cadwyd {0} · {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Services: {0}</source>
        <translation>Gwasanaethau: {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome: {0}</source>
        <translation>Deilliant: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Referred to: {0}</source>
        <translation>Atgyfeiriwyd at: {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follows up enquiry {0}</source>
        <translation>Yn dilyn ymholiad {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow-up done {0}</source>
        <translation>Camau dilynol wedi&apos;u gwneud {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep: {0}</source>
        <translation>Cadw: {0}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep as it is</source>
        <translation>Cadw fel y mae</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withdraw the referral</source>
        <translation>Tynnu&apos;r atgyfeiriad yn ôl</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../frontdesk/gui/detail/report_dialog.py" line="+45"/>
        <source>Service: {0}</source>
        <translation>Gwasanaeth: {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Report</source>
        <translation>&amp;Rhoi gwybod</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Phone number</source>
        <translation>Rhif ffôn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail address</source>
        <translation>Cyfeiriad e-bost</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Cyfeiriad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opening hours</source>
        <translation>Oriau agor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who can use it (eligibility)</source>
        <translation>Pwy all ei ddefnyddio (cymhwysedd)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed or moved</source>
        <translation>Wedi cau neu symud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something else</source>
        <translation>Rhywbeth arall</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Say what you found, so the agency can check it.</source>
        <translation>Dywedwch beth welsoch chi, fel y gall yr asiantaeth ei wirio.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep it to {0} characters (now {1}).</source>
        <translation>Cadwch ef at {0} nod (nawr {1}).</translation>
    </message>
    <message>
        <location filename="../../ui/report_record.ui" line="+6"/>
        <source>Report a problem with this record</source>
        <translation>Rhoi gwybod am broblem gyda&apos;r cofnod hwn</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;What is wrong</source>
        <translation>Beth sy&apos;n anghy&amp;wir</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>What you &amp;found</source>
        <translation>Beth welsoch chi (&amp;F)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The right value, if &amp;known</source>
        <translation>Y gwerth cywir, os yw&apos;n hysbys (&amp;K)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Do not write the caller&apos;s details here. The report goes to the agency that owns the record, and every desk is warned until it is put right.</source>
        <translation>Peidiwch ag ysgrifennu manylion y galwr yma. Mae&apos;r adroddiad yn mynd i&apos;r asiantaeth sy&apos;n berchen ar y cofnod, a chaiff pob desg ei rhybuddio nes iddo gael ei gywiro.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Why the report cannot be sent</source>
        <translation>Pam nad oes modd anfon yr adroddiad</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../frontdesk/gui/search/model.py" line="+49"/>
        <source>⚠ Alert: {0}</source>
        <translation>⚠ Rhybudd: {0}</translation>
    </message>
    <message>
        <location line="+7"/>
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
    <name>SafeguardingBar</name>
    <message>
        <location filename="../../frontdesk/gui/safeguarding.py" line="+37"/>
        <source>Safeguarding prompt</source>
        <translation>Neges ddiogelu</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Is the caller safe right now? If anyone is in immediate danger, call 999. Samaritans: 116 123 (free, day or night). Follow your safeguarding procedure and tell your supervisor.</source>
        <translation>Ydy’r galwr yn ddiogel ar hyn o bryd? Os oes unrhyw un mewn perygl uniongyrchol, ffoniwch 999. Y Samariaid: 116 123 (am ddim, ddydd a nos). Dilynwch eich gweithdrefn ddiogelu a dywedwch wrth eich goruchwyliwr.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>⚠ Safeguarding — “{0}” was mentioned.</source>
        <translation>⚠ Diogelu — soniwyd am “{0}”.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../frontdesk/gui/search/panel.py" line="+67"/>
        <source>What does the caller need? e.g. missed bin</source>
        <translation>Beth sydd ei angen ar y galwr? e.e. bin heb ei gasglu</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <location line="+122"/>
        <source>Showing results for “{0}”.</source>
        <translation>Yn dangos canlyniadau ar gyfer “{0}”.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>We do not know the postcode {0}: showing services for every area. Check it with the caller.</source>
        <translation>Nid ydym yn adnabod y cod post {0}: yn dangos gwasanaethau ar gyfer pob ardal. Gwiriwch ef gyda&apos;r galwr.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>No service matched every word; showing services matching some of them.</source>
        <translation>Nid oedd unrhyw wasanaeth yn cyfateb i bob gair; yn dangos gwasanaethau sy&apos;n cyfateb i rai ohonynt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No service matched the words together; showing services matching any of them.</source>
        <translation>Nid oedd unrhyw wasanaeth yn cyfateb i&apos;r geiriau gyda&apos;i gilydd; yn dangos gwasanaethau sy&apos;n cyfateb i unrhyw un ohonynt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No service matched these words; showing services with words that start or are spelt like them.</source>
        <translation>Nid oedd unrhyw wasanaeth yn cyfateb i&apos;r geiriau hyn; yn dangos gwasanaethau â geiriau sy&apos;n dechrau neu&apos;n cael eu sillafu fel nhw.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Most used on this desk: %n service(s)</source>
        <translation>
            <numerusform>Y mwyaf a ddefnyddir ar y ddesg hon: %n gwasanaeth</numerusform>
            <numerusform>Y mwyaf a ddefnyddir ar y ddesg hon: %n gwasanaeth</numerusform>
            <numerusform>Y mwyaf a ddefnyddir ar y ddesg hon: %n gwasanaeth</numerusform>
            <numerusform>Y mwyaf a ddefnyddir ar y ddesg hon: %n gwasanaeth</numerusform>
            <numerusform>Y mwyaf a ddefnyddir ar y ddesg hon: %n gwasanaeth</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>A–Z, the first %n services: type what the caller needs</source>
        <translation>
            <numerusform>A–Y, y %n gwasanaeth cyntaf: teipiwch beth sydd ei angen ar y galwr</numerusform>
            <numerusform>A–Y, y %n gwasanaeth cyntaf: teipiwch beth sydd ei angen ar y galwr</numerusform>
            <numerusform>A–Y, y %n gwasanaeth cyntaf: teipiwch beth sydd ei angen ar y galwr</numerusform>
            <numerusform>A–Y, y %n gwasanaeth cyntaf: teipiwch beth sydd ei angen ar y galwr</numerusform>
            <numerusform>A–Y, y %n gwasanaeth cyntaf: teipiwch beth sydd ei angen ar y galwr</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
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
        <location line="+11"/>
        <source>caller&apos;s postcode {0}</source>
        <translation>cod post y galwr {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agency {0}</source>
        <translation>asiantaeth {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>category {0}</source>
        <translation>categori {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>open now</source>
        <translation>ar agor nawr</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>No services found</source>
        <translation>Dim gwasanaethau wedi&apos;u canfod</translation>
    </message>
</context>
<context>
    <name>SectionTable</name>
    <message>
        <location filename="../../frontdesk/gui/supervisor/tables.py" line="+76"/>
        <source>The numbers of %1, a row each; Ctrl+C copies them.</source>
        <translation>Rhifau %1, rhes yr un; mae Ctrl+C yn eu copïo.</translation>
    </message>
</context>
<context>
    <name>SendDetails</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/send.py" line="+49"/>
        <source>Choose a service first, then send its details to the caller.</source>
        <translation>Dewiswch wasanaeth yn gyntaf, yna anfonwch ei fanylion at y galwr.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the enquiry first (Ctrl+S), or choose one in today&apos;s list, then send the details.</source>
        <translation>Cadwch yr ymholiad yn gyntaf (Ctrl+S), neu dewiswch un yn rhestr heddiw, yna anfonwch y manylion.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>A text</source>
        <translation>Neges destun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An e-mail</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} to {1} will be sent by the hub once this desk has synced.</source>
        <translation>Bydd yr hyb yn anfon {0} at {1} unwaith y bydd y ddesg hon wedi cysoni.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/gui/enquiry/send_dialog.py" line="+148"/>
        <source>This hub cannot send texts yet: ask your supervisor to set up GOV.UK Notify; the request is kept and sent once it can.</source>
        <translation>Ni all yr hyb hwn anfon negeseuon testun eto: gofynnwch i&apos;ch goruchwyliwr sefydlu GOV.UK Notify; caiff y cais ei gadw a&apos;i anfon unwaith y gall.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This hub cannot send e-mails yet: ask your supervisor to set up GOV.UK Notify; the request is kept and sent once it can.</source>
        <translation>Ni all yr hyb hwn anfon negeseuon e-bost eto: gofynnwch i&apos;ch goruchwyliwr sefydlu GOV.UK Notify; caiff y cais ei gadw a&apos;i anfon unwaith y gall.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub cannot be asked now whether it can send this: the request is kept and goes to the hub when this desk is back online.</source>
        <translation>Ni ellir gofyn i&apos;r hyb nawr a all anfon hwn: caiff y cais ei gadw, ac fe aiff i&apos;r hyb pan fydd y ddesg hon ar-lein eto.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This desk is not signed in to a hub: the request is kept and sent once the desk signs in and syncs.</source>
        <translation>Nid yw&apos;r ddesg hon wedi mewngofnodi i hyb: caiff y cais ei gadw a&apos;i anfon unwaith y bydd y ddesg yn mewngofnodi ac yn cysoni.</translation>
    </message>
</context>
<context>
    <name>SendDetailsDialog</name>
    <message>
        <location line="-115"/>
        <source>Send the service&apos;s details to the caller</source>
        <translation>Anfon manylion y gwasanaeth at y galwr</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text message (UK mobile)</source>
        <translation>Neges destun (ffôn symudol yn y DU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>E-bost</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The caller &amp;agrees to be sent this</source>
        <translation>Mae’r galwr yn cytuno i gael hwn (&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Send</source>
        <translation>Anfon (&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ser&amp;vice:</source>
        <translation>Gwasanaeth: (&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send &amp;by:</source>
        <translation>Anfon drwy: (&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To:</source>
        <translation>I: (&amp;T)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>This is not a UK mobile number, so it cannot take a text.</source>
        <translation>Nid yw hwn yn rhif ffôn symudol yn y DU, felly ni all dderbyn neges destun.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not an e-mail address mail can be sent to.</source>
        <translation>Nid yw hwn yn gyfeiriad e-bost y gellir anfon post ato.</translation>
    </message>
</context>
<context>
    <name>ServiceDetail</name>
    <message>
        <location filename="../../frontdesk/gui/detail/render.py" line="+21"/>
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
        <location line="+2"/>
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
        <location line="+4"/>
        <source>Source</source>
        <translation>Ffynhonnell</translation>
    </message>
    <message>
        <location filename="../../frontdesk/gui/detail/guidance.py" line="+46"/>
        <source>Guidance for advisers</source>
        <translation>Canllawiau i gynghorwyr</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Your organisation&apos;s note</source>
        <translation>Nodyn eich sefydliad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared note</source>
        <translation>Nodyn a rennir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0}, version {1}, {2} by {3}</source>
        <translation>{0}, fersiwn {1}, {2} gan {3}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>[image: {0}]</source>
        <translation>[delwedd: {0}]</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../frontdesk/gui/settings.py" line="+27"/>
        <source>English (UK)</source>
        <translation>Saesneg (DU)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Welsh (Cymraeg)</source>
        <translation>Cymraeg</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>&amp;Hub address</source>
        <translation>Cyfeiriad yr &amp;hyb</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Data folder</source>
        <translation>Ffolder &amp;data</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Keep caller details for (days)</source>
        <translation>Cadw manylion galwyr am (diwrnodau) (&amp;K)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Language</source>
        <translation>Iaith (&amp;L)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Text size (%)</source>
        <translation>Maint y &amp;testun (%)</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Leave empty to work standalone from local imports.</source>
        <translation>Gadewch yn wag i weithio&apos;n annibynnol o fewnforion lleol.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Where catalogue.db and desk.db live. Empty: the default.</source>
        <translation>Lle mae catalogue.db a desk.db yn cael eu cadw. Gwag: y rhagosodiad.</translation>
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
        <location filename="../../frontdesk/gui/settings_dialog.py" line="+53"/>
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
    <message>
        <location line="+8"/>
        <source>In use now: {0}</source>
        <translation>Yn cael ei ddefnyddio nawr: {0}</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../frontdesk/gui/shortcuts.py" line="+34"/>
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
        <location line="+6"/>
        <source>Link quick pick 1 to 9, the services this desk links most (numbered in the list while the search box is empty)</source>
        <translation>Cysylltu dewis cyflym 1 i 9, y gwasanaethau y mae&apos;r ddesg hon yn eu cysylltu amlaf (wedi&apos;u rhifo yn y rhestr tra bo&apos;r blwch chwilio&apos;n wag)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Read the selected service&apos;s details</source>
        <translation>Darllen manylion y gwasanaeth a ddewiswyd</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy the service&apos;s first phone number</source>
        <translation>Copïo rhif ffôn cyntaf y gwasanaeth</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Report a problem with the shown service&apos;s record</source>
        <translation>Rhoi gwybod am broblem gyda chofnod y gwasanaeth a ddangosir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Text or e-mail the service&apos;s details to the caller</source>
        <translation>Anfon manylion y gwasanaeth at y galwr drwy neges destun neu e-bost</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Print a hand-out of the service for the caller</source>
        <translation>Argraffu taflen am y gwasanaeth i’r galwr</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go to the enquiry form</source>
        <translation>Mynd i ffurflen yr ymholiad</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to today&apos;s enquiries (Return on one opens it again)</source>
        <translation>Mynd i ymholiadau heddiw (mae Return ar un yn ei agor eto)</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <source>What the call was about</source>
        <translation>Beth oedd diben yr alwad</translation>
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
        <location line="+5"/>
        <source>Supervisor&apos;s view: the period&apos;s figures and charts</source>
        <translation>Golwg y goruchwyliwr: ffigurau a siartiau&apos;r cyfnod</translation>
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
        <location filename="../../frontdesk/gui/startup.py" line="+104"/>
        <source>Opening the catalogue…</source>
        <translation>Yn agor y catalog…</translation>
    </message>
    <message>
        <location line="+21"/>
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
        <location line="+37"/>
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
    <name>Supervisor</name>
    <message>
        <location filename="../../frontdesk/gui/supervisor/charts.py" line="+99"/>
        <source>Chart: %1</source>
        <translation>Siart: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The same numbers are in the table below the chart.</source>
        <translation>Mae&apos;r un rhifau yn y tabl o dan y siart.</translation>
    </message>
    <message>
        <location filename="../../frontdesk/gui/supervisor/pdf.py" line="+78"/>
        <location line="+50"/>
        <source>Enquiries report</source>
        <translation>Adroddiad ymholiadau</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Page %1 of %2</source>
        <translation>Tudalen %1 o %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Period: %1 to %2 (London calendar days)</source>
        <translation>Cyfnod: %1 i %2 (diwrnodau calendr Llundain)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Organisation: %1</source>
        <translation>Sefydliad: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Figures: the hub&apos;s, every desk of the organisation</source>
        <translation>Ffigurau: rhai&apos;r hyb, pob desg yn y sefydliad</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Figures: this desk&apos;s own log</source>
        <translation>Ffigurau: cofnod y ddesg hon ei hun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generated: %1 (London time)</source>
        <translation>Crëwyd: %1 (amser Llundain)</translation>
    </message>
    <message>
        <location filename="../../frontdesk/gui/supervisor/sections.py" line="+59"/>
        <source>Enquiries by hour of day</source>
        <extracomment>Open referrals waiting longer than this many days are past the agreed time. Rows to stand out (past the agreed time, a stale desk): bold and said in words.</extracomment>
        <translation>Ymholiadau fesul awr o&apos;r dydd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hour</source>
        <translation>Awr</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enquiries by day of the week</source>
        <translation>Ymholiadau fesul diwrnod o&apos;r wythnos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>Diwrnod</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Top reasons</source>
        <translation>Y prif resymau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Rheswm</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Top services</source>
        <translation>Y prif wasanaethau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service</source>
        <translation>Gwasanaeth</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outcomes</source>
        <translation>Deilliannau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Deilliant</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Referrals by agency</source>
        <translation>Atgyfeiriadau fesul asiantaeth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agency</source>
        <translation>Asiantaeth</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enquiries by adviser</source>
        <translation>Ymholiadau fesul cynghorydd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adviser</source>
        <translation>Cynghorydd</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enquiries by desk</source>
        <translation>Ymholiadau fesul desg</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+338"/>
        <source>Desk</source>
        <translation>Desg</translation>
    </message>
    <message>
        <location line="-316"/>
        <source>No outcome yet</source>
        <translation>Dim deilliant eto</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No reason given</source>
        <translation>Dim rheswm wedi&apos;i roi</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mon</source>
        <translation>Llun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>Maw</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>Mer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>Iau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>Gwe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>Sad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>Sul</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+114"/>
        <location line="+8"/>
        <source>Enquiries</source>
        <translation>Ymholiadau</translation>
    </message>
    <message>
        <location line="-116"/>
        <location line="+142"/>
        <source>Resolved at first contact</source>
        <translation>Datryswyd ar y cyswllt cyntaf</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Enquiries with an outcome</source>
        <translation>Ymholiadau â deilliant</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First-contact resolution rate</source>
        <translation>Cyfradd datrys ar y cyswllt cyntaf</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Handling time</source>
        <translation>Amser trin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrap-up</source>
        <translation>Gwaith ar ôl yr alwad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: average (min:sec)</source>
        <translation>%1: cyfartaledd (mun:eil)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: median (min:sec)</source>
        <translation>%1: canolrif (mun:eil)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: 90th percentile (min:sec)</source>
        <translation>%1: 90fed canradd (mun:eil)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Repeat callers</source>
        <translation>Galwyr sy&apos;n ffonio eto</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enquiries from repeat callers</source>
        <translation>Ymholiadau gan alwyr sy&apos;n ffonio eto</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Summary</source>
        <translation>Crynodeb</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Figure</source>
        <translation>Ffigur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>Gwerth</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Total</source>
        <translation>Cyfanswm</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Referrals</source>
        <translation>Atgyfeiriadau</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Number</source>
        <translation>Nifer</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Rate (%)</source>
        <translation>Cyfradd (%)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Week from</source>
        <translation>Wythnos yn dechrau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With an outcome</source>
        <translation>Â deilliant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>Cyfradd</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>First-contact resolution by week</source>
        <translation>Datrys ar y cyswllt cyntaf fesul wythnos</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>over 30 days</source>
        <translation>dros 30 diwrnod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 days</source>
        <translation>%1 diwrnod</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Yes: past the agreed time</source>
        <translation>Ydy: wedi mynd heibio&apos;r amser a gytunwyd</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+79"/>
        <source>No</source>
        <translation>Nac ydy</translation>
    </message>
    <message>
        <location line="-73"/>
        <location line="+4"/>
        <source>Open referrals</source>
        <translation>Atgyfeiriadau agored</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+37"/>
        <source>Waiting</source>
        <translation>Yn aros</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>Over %1 days</source>
        <translation>Dros %1 diwrnod</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open referrals by days waiting</source>
        <translation>Atgyfeiriadau agored fesul diwrnodau&apos;n aros</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Texts</source>
        <translation>Negeseuon testun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mails</source>
        <translation>E-byst</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sent by</source>
        <translation>Anfonwyd drwy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Anfonwyd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delivered</source>
        <translation>Wedi cyrraedd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Wedi methu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Texts and e-mails to callers</source>
        <translation>Negeseuon testun ac e-byst at alwyr</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Yes: not seen lately</source>
        <translation>Ydy: heb ei gweld yn ddiweddar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Organisation</source>
        <translation>Sefydliad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last sent</source>
        <translation>Anfonwyd ddiwethaf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last fetched</source>
        <translation>Nôl ddiwethaf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting to send</source>
        <translation>Yn aros i&apos;w hanfon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catalogue fetched</source>
        <translation>Catalog wedi&apos;i nôl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stale</source>
        <translation>Hen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Desks</source>
        <translation>Desgiau</translation>
    </message>
</context>
<context>
    <name>SupervisorWindow</name>
    <message>
        <location filename="../../frontdesk/gui/supervisor/window.py" line="+75"/>
        <source>Supervisor&apos;s view – frontdesk</source>
        <translation>Golwg y goruchwyliwr – frontdesk</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Today</source>
        <translation>Heddiw</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This week</source>
        <translation>Yr wythnos hon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>This month</source>
        <translation>Y mis hwn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dates…</source>
        <translation>Dyddiadau…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Show</source>
        <translation>Dango&amp;s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Period:</source>
        <translation>Cyfnod: (&amp;P)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;From:</source>
        <translation>O: (&amp;F)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>T&amp;o:</source>
        <translation>Hyd at: (&amp;O)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Counting the enquiries from %1 to %2…</source>
        <translation>Yn cyfrif yr ymholiadau o %1 i %2…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The figures could not be counted: %1</source>
        <translation>Nid oedd modd cyfrif y ffigurau: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 to %2</source>
        <translation>%1 i %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>every organisation</source>
        <translation>pob sefydliad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the hub&apos;s figures for %2 (every desk).</source>
        <translation>%1: ffigurau&apos;r hyb ar gyfer %2 (pob desg).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not signed in to the hub, so these are this desk&apos;s own figures.</source>
        <translation>Heb fewngofnodi i&apos;r hyb, felly ffigurau&apos;r ddesg hon ei hun yw&apos;r rhain.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub cannot be reached (offline?), so these are this desk&apos;s own figures.</source>
        <translation>Does dim modd cyrraedd yr hyb (all-lein?), felly ffigurau&apos;r ddesg hon ei hun yw&apos;r rhain.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub gives this report to supervisors only, so these are this desk&apos;s own figures.</source>
        <translation>Dim ond i oruchwylwyr y mae&apos;r hyb yn rhoi&apos;r adroddiad hwn, felly ffigurau&apos;r ddesg hon ei hun yw&apos;r rhain.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub refused the report, so these are this desk&apos;s own figures.</source>
        <translation>Gwrthododd yr hyb yr adroddiad, felly ffigurau&apos;r ddesg hon ei hun yw&apos;r rhain.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This desk&apos;s own figures.</source>
        <translation>Ffigurau&apos;r ddesg hon ei hun.</translation>
    </message>
</context>
<context>
    <name>TodayModel</name>
    <message>
        <location filename="../../frontdesk/gui/enquiry/today.py" line="+63"/>
        <source>{0} + {1} wrap-up</source>
        <translation>{0} + {1} cloi</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>waiting to send</source>
        <translation>yn aros i’w anfon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>queued at the hub</source>
        <translation>yn y ciw yn yr hyb</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sending</source>
        <translation>yn anfon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>delivered</source>
        <translation>wedi’i ddanfon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could not be delivered</source>
        <translation>nid oedd modd ei ddanfon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not delivered (phone off or inbox full)</source>
        <translation>heb ei ddanfon (ffôn wedi’i ddiffodd neu fewnflwch yn llawn)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not sent (a fault at Notify)</source>
        <translation>heb ei anfon (nam yn Notify)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>refused</source>
        <translation>gwrthodwyd</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>text</source>
        <translation>neges destun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e-mail</source>
        <translation>e-bost</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no reason given</source>
        <translation>dim rheswm wedi&apos;i roi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub refused this enquiry: {0}. It is kept on this desk; tell your supervisor.</source>
        <translation>Gwrthododd yr hyb yr ymholiad hwn: {0}. Mae&apos;n cael ei gadw ar y ddesg hon; dywedwch wrth eich goruchwyliwr.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Reference</source>
        <translation>Cyfeirnod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Amser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Deilliant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Hyd</translation>
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
        <location line="+56"/>
        <source>Press Return to open an enquiry again</source>
        <translation>Pwyswch Return i agor ymholiad eto</translation>
    </message>
    <message>
        <location line="+8"/>
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
