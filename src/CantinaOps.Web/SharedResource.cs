namespace CantinaOps.Web;

/// <summary>
/// Marker for the app's one set of translated texts: <c>Resources/SharedResource.resx</c> (French, the
/// default) and one file per other language. Every key exists in every language (a test checks it).
/// </summary>
public sealed class SharedResource;
