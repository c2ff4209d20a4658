"""``probis situs``: a static catalogue site of the whole map (HTML pages, inline diagrams,
offline search), for the people who never open git. Pure functions build the pages; only
:func:`probis_cli.site.write.write_site` touches the output folder."""
