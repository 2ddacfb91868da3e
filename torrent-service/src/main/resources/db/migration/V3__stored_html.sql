-- Markdown is rendered once, when a text is written, and the sanitised HTML is stored: reads never
-- render (a render costs up to tens of milliseconds and hostile input once broke it). V4 (a Java
-- migration, MarkdownBackfill) fills these columns for the rows written before.
alter table torrent add column description_html text;
alter table comment add column text_html text;
