using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Noress.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AuditCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Signature = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditWatch",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRunAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastRunWasFull = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastVerified = table.Column<long>(type: "INTEGER", nullable: false),
                    LastBreakSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    LastBreakReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AlertedBreakSequence = table.Column<long>(type: "INTEGER", nullable: true),
                    AlertedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditWatch", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AuditWatch",
                columns: new[] { "Id", "AlertedAt", "AlertedBreakSequence", "LastBreakReason", "LastBreakSequence", "LastRunAt", "LastRunWasFull", "LastVerified" },
                values: new object[] { 1, null, null, null, null, null, false, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditCheckpoints");

            migrationBuilder.DropTable(
                name: "AuditWatch");
        }
    }
}
