<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../frontdesk/gui/main_window.py" line="+354"/>
        <source>The hub refused %n enquiry(s); they are kept on this desk. The reason is in today&apos;s enquiries (F9); tell your supervisor.</source>
        <translation>
            <numerusform>The hub refused %n enquiry; it is kept on this desk. The reason is in today&apos;s enquiries (F9); tell your supervisor.</numerusform>
            <numerusform>The hub refused %n enquiries; they are kept on this desk. The reason is in today&apos;s enquiries (F9); tell your supervisor.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../frontdesk/gui/search/panel.py" line="+181"/>
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
