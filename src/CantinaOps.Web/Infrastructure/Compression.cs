using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace CantinaOps.Web.Infrastructure;

/// <summary>
/// Pages go out compressed (Brotli, else gzip, both at their fastest level) to a browser that asks for it: a
/// 70-machine week board is about 200 KB of HTML and 15 KB once compressed, and the desk's PC often sits on the
/// building's shared Wi-Fi. Only HTML is compressed: the API answers clients that decide for themselves, PDFs are
/// compressed inside, static files are small.
/// </summary>
/// <remarks>
/// Over HTTPS too. Compression is what BREACH exploits, by guessing a secret that stays the same in every answer
/// from reflected text; the only secrets pages carry are antiforgery tokens, encrypted afresh (random IV) for each
/// answer, and one-time PINs, different each time, so there is no stable secret to guess.
/// </remarks>
public static class Compression
{
    public static IApplicationBuilder UseCantinaOpsCompression(this IApplicationBuilder app)
    {
        var options = new ResponseCompressionOptions { EnableForHttps = true, MimeTypes = ["text/html"] };
        options.Providers.Add(new BrotliCompressionProvider(Options.Create(new BrotliCompressionProviderOptions { Level = CompressionLevel.Fastest })));
        options.Providers.Add(new GzipCompressionProvider(Options.Create(new GzipCompressionProviderOptions { Level = CompressionLevel.Fastest })));
        // Built here rather than registered in the container, so the one call in the pipeline is all it takes.
        return app.UseMiddleware<ResponseCompressionMiddleware>(new ResponseCompressionProvider(app.ApplicationServices, Options.Create(options)));
    }
}
