using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Shop.Observability.Dashboard;

/// <summary>Basic authentication with the dashboard's credential, for scripts reading its JSON endpoints (curl -u).</summary>
internal sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DashboardCredential credential) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public static bool HasBasicHeader(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.OrdinalIgnoreCase);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!HasBasicHeader(Request)) return Task.FromResult(AuthenticateResult.NoResult());
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) || header.Parameter is null)
            return Task.FromResult(AuthenticateResult.Fail("Malformed Basic authorization header."));

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("Malformed Basic authorization header."));
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !credential.Matches(decoded[..colon], decoded[(colon + 1)..]))
            return Task.FromResult(AuthenticateResult.Fail("Wrong user name or password."));

        var principal = DashboardLogin.Operator(credential.Username, Scheme.Name);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Orleans Dashboard\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
