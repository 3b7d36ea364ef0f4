/** The invitation at the end of every story page and the list: tell your own story (/mitmachen). */
export const CALL_TO_ACTION = `<aside class="story-cta" aria-labelledby="mitmachen-titel">
<h2 id="mitmachen-titel">Erzählen Sie Ihre Geschichte</h2>
<p>Sie kennen ein Projekt oder eine Erfolgsgeschichte aus Ihrem Umfeld? Zeigen Sie mit einem kurzen Video, wie Integration in Niedersachsen gelingt – kleine und große Geschichten sind willkommen.</p>
<p><a class="button story-cta__button" href="/mitmachen">Jetzt mitmachen</a></p>
</aside>`;
