using NodaTime;

namespace CantinaOps.Web.Features.Print;

/// <summary>A produced PDF kept for a while (the Friday plans), to attach to e-mails and download again.</summary>
public sealed class StoredDocument
{
    private StoredDocument()
    {
        Key = string.Empty;
        FileName = string.Empty;
        Content = [];
    }

    public StoredDocument(string key, string fileName, byte[] content, Instant now)
    {
        Key = key;
        FileName = fileName;
        Content = content;
        CreatedAt = now;
    }

    public long Id { get; private set; }

    /// <summary>Unique: "weekly-plan:{space}:{monday}", "partner-schedule:{partner}:{monday}".</summary>
    public string Key { get; private set; }
    public string FileName { get; private set; }
    public byte[] Content { get; private set; }
    public Instant CreatedAt { get; private set; }

    public void Replace(byte[] content, Instant now) => (Content, CreatedAt) = (content, now);
}
