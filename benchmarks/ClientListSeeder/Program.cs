using ClientListSeeder;
using Consultancy.Application;
using Consultancy.Infrastructure;
using Consultancy.Infrastructure.Identity;
using Consultancy.Infrastructure.Persistence;
using Consultancy.Infrastructure.Seeding;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Usage: ClientListSeeder <database file | PostgreSQL connection string> [client count] [deadlines per client] [programs] [applications]
// Makes a fresh database for the page benchmark: the app's schema, its admin and demo consultants, then the
// requested number of clients, each with its deadlines, written through the real EF model. A SQLite file is
// named by its path; a PostgreSQL database by an Npgsql connection string ("Host=...;Database=..."), which
// must name a database that does not exist yet. The fourth argument adds that many directory programs (for
// run-programs.sh) besides the demo ones; the fifth gives one more client of the first demo consultant that many
// applications to them (for run-applications.sh), and prints that client's id.
if (args.Length is < 1 or > 5 || args.Skip(1).Any(a => !int.TryParse(a, out _)))
{
    Console.Error.WriteLine("Usage: ClientListSeeder <database file | PostgreSQL connection string> [client count, default 50000] [deadlines per client, default 0] [programs, default 0] [applications of one client, default 0]");
    return 2;
}
var target = BenchmarkDatabase.From(args[0]);
var clientCount = args.Length >= 2 ? int.Parse(args[1]) : 50_000;
var deadlinesPerClient = args.Length >= 3 ? int.Parse(args[2]) : 0;
var programCount = args.Length >= 4 ? int.Parse(args[3]) : 0;
var applicationCount = args.Length == 5 ? int.Parse(args[4]) : 0;
if (await target.ExistsAsync())
{
    Console.Error.WriteLine($"{target} already exists; the benchmark seeds a fresh database only.");
    return 1;
}

var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Database:Provider"] = target.Provider,
    ["ConnectionStrings:Default"] = target.ConnectionString,
    ["Admin:Email"] = BenchmarkAccounts.AdminEmail,
    ["Admin:Password"] = BenchmarkAccounts.Password,
    ["Seed:Demo"] = "true",
    ["Seed:DemoPassword"] = BenchmarkAccounts.Password,
    ["Email:PickupDirectory"] = Path.Combine(Path.GetTempPath(), "client-list-seeder-mail"),
}).Build();

var services = new ServiceCollection();
services.AddLogging();
services.AddSingleton<IConfiguration>(configuration);
services.AddApplication();
services.AddInfrastructure(configuration, Directory.GetCurrentDirectory());
services.AddIdentityCore<AppUser>(IdentitySetup.Configure)
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<AppDbContext>();
await using var provider = services.BuildServiceProvider();

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
var ct = cancel.Token;

await DatabaseInitializer.InitializeAsync(provider, ct);

// The demo seeding already added a few clients; the benchmark tops them up to the requested count.
var (consultantIds, existingCount) = await ConsultantsAndClientCountAsync(provider, ct);
var now = DateTime.UtcNow;
var clients = new BenchmarkClients(consultantIds, now);
const int batchSize = 2_000;
for (var written = existingCount; written < clientCount;)
{
    // A fresh context per batch keeps the change tracker small; DetectChanges runs once, on save.
    await using var scope = provider.CreateSystemScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var batch = Math.Min(batchSize, clientCount - written);
    foreach (var number in Enumerable.Range(written, batch))
    {
        var client = clients.Create(number);
        db.Clients.Add(client);
        db.Deadlines.AddRange(BenchmarkDeadlines.For(client, number, deadlinesPerClient, now));
    }
    await db.SaveChangesAsync(ct);
    written += batch;
}
var programs = new BenchmarkPrograms(now);
for (var written = 0; written < programCount;)
{
    await using var scope = provider.CreateSystemScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    db.ChangeTracker.AutoDetectChangesEnabled = false;
    var batch = Math.Min(batchSize, programCount - written);
    db.ResidencyPrograms.AddRange(Enumerable.Range(written, batch).Select(programs.Create));
    await db.SaveChangesAsync(ct);
    written += batch;
}
if (applicationCount > 0)
{
    await using var scope = provider.CreateSystemScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var applicant = await BenchmarkApplications.SeedAsync(db, consultantIds[0], applicationCount, now, ct);
    Console.WriteLine($"Applications client: {applicant}");
}
Console.WriteLine($"Seeded {clientCount:N0} clients with {deadlinesPerClient} deadlines each, {programCount:N0} programs and {applicationCount:N0} applications into {target}");
return 0;

static async Task<(IReadOnlyList<string> ConsultantIds, int ClientCount)> ConsultantsAndClientCountAsync(
    IServiceProvider provider, CancellationToken ct)
{
    await using var scope = provider.CreateSystemScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var emails = DemoSeeder.Consultants.Select(c => c.Email).ToList();
    var ids = await db.UserProfiles.Where(u => emails.Contains(u.Email)).OrderBy(u => u.Email).Select(u => u.Id).ToListAsync(ct);
    return (ids, await db.Clients.CountAsync(ct));
}
