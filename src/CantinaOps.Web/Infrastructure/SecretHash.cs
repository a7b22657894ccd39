using System.Security.Cryptography;
using System.Text;

namespace CantinaOps.Web.Infrastructure;

/// <summary>
/// How high-entropy secrets carried in links (a family's sign-in link, a calendar feed) are stored:
/// their SHA-256 only, so the database never holds a working link. (PINs, being short, use Identity's
/// slow password hasher instead.)
/// </summary>
public static class SecretHash
{
    public static string Of(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
