namespace Parley.Ingest.Tests.Html;

/// <summary>Hand-written pages (invented text) shaped like real news pages.</summary>
internal static class HtmlFixtures
{
    public const string Para1 = "The harbour council voted on Tuesday to rebuild the old stone pier, ending a dispute that had run for three winters and split the fishing families of the town.";
    public const string Para2 = "Supporters said the repair, costed at roughly four million, would keep the ferry running, while opponents argued that the money belonged to the flood wall instead.";
    public const string Para3 = "Work is due to begin in the spring, the council said, once the engineers have finished surveying the foundations and the contract has been signed.";
    public const string Subhead = "What happens next";
    public const string Para4 = "A public meeting, the first since the vote, will be held at the library next month, and residents will be able to see the plans and question the engineers.";

    public static string NewsPage => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <title>Council backs pier rebuild | The Coastal Gazette</title>
          <meta property="og:title" content="Council backs pier rebuild | The Coastal Gazette">
          <meta property="og:site_name" content="The Coastal Gazette">
          <meta name="author" content="Mara Lindqvist">
          <meta property="article:published_time" content="2024-03-05T09:30:00Z">
          <link rel="canonical" href="https://gazette.example/news/pier-rebuild">
          <style>.x { color: red }</style>
          <script>var tracking = "do not read me";</script>
        </head>
        <body>
          <div class="cookie-banner">We use cookies to give you the best experience. Accept all cookies?</div>
          <header class="site-header"><a href="/">The Coastal Gazette</a></header>
          <nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
          <main>
            <article>
              <h1>Council backs pier rebuild</h1>
              <p class="standfirst">After three years of argument, the harbour will get its pier back.</p>
              <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share by email</a></div>
              <div class="article-body">
                <p>{{Para1}}</p>
                <figure><img src="pier.jpg" alt=""><figcaption>The pier at low tide last autumn.</figcaption></figure>
                <p>{{Para2}}</p>
                <div class="advert">Advertisement: buy our lovely boats today, best prices on the coast.</div>
                <p>{{Para3}}</p>
                <h2>{{Subhead}}</h2>
                <p>{{Para4}}</p>
                <div class="newsletter-signup"><p>Sign up for our morning newsletter and never miss a story from the coast.</p></div>
              </div>
              <div class="author-bio">Mara Lindqvist covers local politics and has written for the paper since the old pier first closed.</div>
            </article>
            <aside class="related-stories">
              <h3>Related stories</h3>
              <ul>
                <li><a href="/a">Ferry timetable changes announced for the summer season</a></li>
                <li><a href="/b">Flood wall survey finds cracks along the eastern promenade</a></li>
                <li><a href="/c">Fishing quotas cut again as stocks fall for a third year</a></li>
              </ul>
            </aside>
            <section id="comments"><p>Reader comment: I have walked on that pier every morning since I was a child and I am glad.</p></section>
          </main>
          <footer class="site-footer"><p>Copyright 2024 The Coastal Gazette. All rights reserved. Contact us, privacy, terms.</p></footer>
        </body>
        </html>
        """;
}
