using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Shop.Observability.Dashboard;

/// <summary>The dashboard's login form: a POST of the operator's credential signs the browser in with a cookie.</summary>
internal static class DashboardLogin
{
    public const string LoginSegment = "/login";
    public const string LogoutSegment = "/logout";

    private static readonly TimeSpan FailedLoginDelay = TimeSpan.FromMilliseconds(500);

    public static void MapDashboardLogin(this IEndpointRouteBuilder endpoints, string path)
    {
        endpoints.MapGet(path + LoginSegment, (HttpContext context) =>
            Page(context, ReturnUrlOrHome(context.Request.Query["ReturnUrl"], path), failed: false));

        // The form is read by hand: the credential check is the whole of this endpoint, and the cookie is SameSite=Strict.
        endpoints.MapPost(path + LoginSegment, async (HttpContext context, DashboardCredential credential) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var returnUrl = ReturnUrlOrHome(form["returnUrl"], path);
            if (!credential.Matches(form["username"], form["password"]))
            {
                // Slows guessing down to a few tries a second per connection; there is no lockout to abuse.
                await Task.Delay(FailedLoginDelay, context.RequestAborted);
                return Page(context, returnUrl, failed: true);
            }

            await context.SignInAsync(ShopDashboard.CookieScheme, Operator(credential.Username, ShopDashboard.CookieScheme));
            return Results.Redirect(returnUrl);
        }).DisableAntiforgery();

        endpoints.MapPost(path + LogoutSegment, async (HttpContext context) =>
        {
            await context.SignOutAsync(ShopDashboard.CookieScheme);
            return Results.Redirect(path + LoginSegment);
        }).DisableAntiforgery();

    }

    public static ClaimsPrincipal Operator(string username, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, username)], scheme));

    /// <summary>Only a path inside the dashboard is followed after the login, never another site (an open redirect).</summary>
    private static string ReturnUrlOrHome(string? returnUrl, string path) =>
        returnUrl is { Length: > 0 } url && (url == path || url.StartsWith(path + "/", StringComparison.Ordinal))
            && !url.Contains("//", StringComparison.Ordinal) && !url.Contains('\\', StringComparison.Ordinal)
            ? url
            : path + "/";

    private static IResult Page(HttpContext context, string returnUrl, bool failed)
    {
        var action = HtmlEncoder.Default.Encode(context.Request.PathBase + context.Request.Path);
        var error = failed ? """<p class="error" role="alert">Wrong user name or password.</p>""" : "";
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in · Orleans Dashboard</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
              body { font-family: system-ui, sans-serif; background: #f4f4f8; display: grid; place-items: center; min-height: 100vh; margin: 0; }
              form { background: white; padding: 2rem; border-radius: 8px; box-shadow: 0 2px 8px #0002; width: 18rem; }
              label { display: block; margin-top: 1rem; } input { width: 100%; padding: .4rem; box-sizing: border-box; }
              button { margin-top: 1.5rem; width: 100%; padding: .5rem; } .error { color: #b00020; }
            </style></head>
            <body><form method="post" action="{{action}}">
              <h1>Orleans Dashboard</h1>{{error}}
              <label for="username">User name</label><input id="username" name="username" autocomplete="username" required autofocus>
              <label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
              <input type="hidden" name="returnUrl" value="{{HtmlEncoder.Default.Encode(returnUrl)}}">
              <button type="submit">Sign in</button>
            </form></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: failed ? StatusCodes.Status401Unauthorized : StatusCodes.Status200OK);
    }
}
