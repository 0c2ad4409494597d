<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>CallerHistoryPanel</name>
    <message numerus="yes">
        <location filename="../../frontdesk/gui/enquiry/caller_history.py" line="+72"/>
        <source>Rang %n time(s) in the last 30 days</source>
        <translation>
            <numerusform>Rang once in the last 30 days</numerusform>
            <numerusform>Rang %n times in the last 30 days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../frontdesk/gui/main_window.py" line="+431"/>
        <source>The hub refused %n enquiry(s); they are kept on this desk. The reason is in today&apos;s enquiries (F9); tell your supervisor.</source>
        <translation>
            <numerusform>The hub refused %n enquiry; it is kept on this desk. The reason is in today&apos;s enquiries (F9); tell your supervisor.</numerusform>
            <numerusform>The hub refused %n enquiries; they are kept on this desk. The reason is in today&apos;s enquiries (F9); tell your supervisor.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NoResults</name>
    <message numerus="yes">
        <location filename="../../frontdesk/gui/search/no_results.py" line="+39"/>
        <source>Without them, more than %n services match.</source>
        <translation>
            <numerusform>Without them, more than %n service matches.</numerusform>
            <numerusform>Without them, more than %n services match.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Without them, %n service(s) match.</source>
        <translation>
            <numerusform>Without them, %n service matches.</numerusform>
            <numerusform>Without them, %n services match.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuickPicks</name>
    <message numerus="yes">
        <location filename="../../frontdesk/gui/quick_picks.py" line="+104"/>
        <source>There is no quick pick {0}: this desk has %n so far.</source>
        <translation>
            <numerusform>There is no quick pick {0}: this desk has %n so far.</numerusform>
            <numerusform>There is no quick pick {0}: this desk has %n so far.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordReports</name>
    <message numerus="yes">
        <location filename="../../frontdesk/gui/detail/record_reports.py" line="+59"/>
        <source>%n adviser(s)</source>
        <extracomment>This desk&apos;s own reports shown on a service, newest first.</extracomment>
        <translation>
            <numerusform>%n adviser</numerusform>
            <numerusform>%n advisers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../frontdesk/gui/search/panel.py" line="+283"/>
        <source>Most used on this desk: %n service(s)</source>
        <translation>
            <numerusform>Most used on this desk: %n service</numerusform>
            <numerusform>Most used on this desk: %n services</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>A–Z, the first %n services: type what the caller needs</source>
        <translation>
            <numerusform>A–Z, the first service: type what the caller needs</numerusform>
            <numerusform>A–Z, the first %n services: type what the caller needs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Best %n matches shown; type more words to narrow</source>
        <translation>
            <numerusform>Best match shown; type more words to narrow</numerusform>
            <numerusform>Best %n matches shown; type more words to narrow</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n service(s) found</source>
        <translation>
            <numerusform>%n service found</numerusform>
            <numerusform>%n services found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message numerus="yes">
        <location filename="../../frontdesk/gui/statusbar.py" line="+151"/>
        <source>%n enquiry(s) waiting to send</source>
        <translation>
            <numerusform>%n enquiry waiting to send</numerusform>
            <numerusform>%n enquiries waiting to send</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Catalogue updated %n day(s) ago</source>
        <translation>
            <numerusform>Catalogue updated %n day ago</numerusform>
            <numerusform>Catalogue updated %n days ago</numerusform>
        </translation>
    </message>
</context>
</TS>
