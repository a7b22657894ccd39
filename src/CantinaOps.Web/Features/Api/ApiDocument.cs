using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using CantinaOps.Domain.Bookings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CantinaOps.Web.Features.Api;

/// <summary>
/// What the generated OpenAPI document cannot know by itself: the bearer scheme and which calls need
/// it, the 401/403/404 every protected call may answer, one problem schema carrying <c>rule</c> (the
/// rule a 409/422 names), and which request fields are truly required (the others may be left out).
/// </summary>
public static class ApiDocument
{
    private const string Bearer = "Bearer";
    private const string Problem = "Problem";
    private static readonly string[] ProblemStatuses = ["401", "403", "404", "409", "422", "429"];

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CantinaOps API";
            document.Info.Description = "Availability and bookings of a tiers-lieu's laundry and kitchens. " +
                "Sign in with POST /api/v1/auth/login, then send Authorization: Bearer <accessToken>; the access token is " +
                "short-lived: POST /api/v1/auth/refresh with the refresh token for a new one.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The accessToken of POST /api/v1/auth/login or /api/v1/auth/refresh.",
            };
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas[Problem] = ProblemSchema();
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            operation.Responses ??= new OpenApiResponses();
            if (!metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }];
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, or the session was withdrawn." });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "Signed in, but not allowed." });
            }

            if (context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
            {
                operation.Responses.TryAdd("404", new OpenApiResponse { Description = "No such record, or not yours." });
            }

            foreach (var (status, response) in operation.Responses.Where(r => ProblemStatuses.Contains(r.Key)))
            {
                if (response is OpenApiResponse concrete)
                {
                    concrete.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(Problem, context.Document) },
                    };
                }
            }

            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // Request records take every field as nullable, so that a missing one is a 400 naming it
            // rather than a binding failure; [Required] says which ones the call needs.
            if (schema is OpenApiSchema concrete && context.JsonTypeInfo.Type.Assembly == typeof(ApiDocument).Assembly
                && context.JsonTypeInfo.Kind == System.Text.Json.Serialization.Metadata.JsonTypeInfoKind.Object)
            {
                var required = context.JsonTypeInfo.Properties
                    .Where(p => p.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true || !p.IsSetNullable)
                    .Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                concrete.Required = required.Count > 0 ? required : null;
            }

            return Task.CompletedTask;
        });
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["rule"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String | JsonSchemaType.Null,
                Description = "On 409 and 422: the rule the request broke.",
                Enum = [.. Enum.GetValues<Rule>().Select(rule => (JsonNode)JsonValue.Create(new Refusal(rule, string.Empty).Code)!)],
            },
        },
    };
}
