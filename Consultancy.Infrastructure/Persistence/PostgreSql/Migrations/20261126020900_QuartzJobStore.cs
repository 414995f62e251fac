using Consultancy.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Consultancy.Infrastructure.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class QuartzJobStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var statement in QuartzSchema.PostgreSqlStatements())
                migrationBuilder.Sql(statement);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in QuartzSchema.Tables)
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {QuartzSchema.TablePrefix}{table} CASCADE;");
        }
    }
}
