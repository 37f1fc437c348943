// hcl-oracle parses HCL native syntax files with HashiCorp's own parser (hclsyntax, as Terraform reads .tf
// files) and prints, per file, one JSON line: whether the parser accepts it, its errors, and what was read in
// a canonical form that Assay's Java reader prints too (HclCanonical), so the two can be compared.
//
// Usage: hcl-oracle FILE...      one line per file, in order
//        hcl-oracle -version     the HCL version it was built against
//
// Nothing is evaluated: expressions are printed as their syntax tree, literals as values.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// set by the build: -ldflags "-X main.hclVersion=..."
var hclVersion = "unknown"

type result struct {
	File   string      `json:"file"`
	OK     bool        `json:"ok"`
	Errors []string    `json:"errors,omitempty"`
	Body   interface{} `json:"body,omitempty"`
	Nanos  int64       `json:"nanos"`
}

func main() {
	if len(os.Args) == 2 && os.Args[1] == "-version" {
		fmt.Println(hclVersion)
		return
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	encoder := json.NewEncoder(out)
	encoder.SetEscapeHTML(false)
	for _, name := range os.Args[1:] {
		src, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		if err := encoder.Encode(parse(name, src)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
}

func parse(name string, src []byte) result {
	started := time.Now()
	file, diags := hclsyntax.ParseConfig(src, name, hcl.Pos{Line: 1, Column: 1, Byte: 0})
	nanos := time.Since(started).Nanoseconds()
	if diags.HasErrors() {
		var errors []string
		for _, d := range diags {
			if d.Severity == hcl.DiagError {
				where := ""
				if d.Subject != nil {
					where = fmt.Sprintf("%d:%d: ", d.Subject.Start.Line, d.Subject.Start.Column)
				}
				errors = append(errors, where+d.Summary+": "+d.Detail)
			}
		}
		return result{File: name, OK: false, Errors: errors, Nanos: nanos}
	}
	return result{File: name, OK: true, Body: body(file.Body.(*hclsyntax.Body)), Nanos: nanos}
}

type obj = map[string]interface{}

func body(b *hclsyntax.Body) interface{} {
	attrs := make([]*hclsyntax.Attribute, 0, len(b.Attributes))
	for _, a := range b.Attributes {
		attrs = append(attrs, a)
	}
	sort.Slice(attrs, func(i, j int) bool { return attrs[i].SrcRange.Start.Byte < attrs[j].SrcRange.Start.Byte })
	attributes := []interface{}{}
	for _, a := range attrs {
		attributes = append(attributes, []interface{}{a.Name, expr(a.Expr)})
	}
	blocks := []interface{}{}
	for _, blk := range b.Blocks {
		labels := blk.Labels
		if labels == nil {
			labels = []string{}
		}
		blocks = append(blocks, obj{"type": blk.Type, "labels": labels, "body": body(blk.Body)})
	}
	return obj{"attributes": attributes, "blocks": blocks}
}

func exprs(list []hclsyntax.Expression) []interface{} {
	out := []interface{}{}
	for _, e := range list {
		out = append(out, expr(e))
	}
	return out
}

func optional(e hclsyntax.Expression) interface{} {
	if e == nil {
		return nil
	}
	return expr(e)
}

func expr(e hclsyntax.Expression) interface{} {
	switch e := e.(type) {
	case *hclsyntax.LiteralValueExpr:
		return value(e.Val)
	case *hclsyntax.TemplateExpr:
		return template(e.Parts)
	case *hclsyntax.TemplateWrapExpr:
		return obj{"template": []interface{}{expr(e.Wrapped)}}
	case *hclsyntax.TemplateJoinExpr:
		return obj{"join": expr(e.Tuple)}
	case *hclsyntax.ScopeTraversalExpr:
		return obj{"ref": traversal(e.Traversal)}
	case *hclsyntax.RelativeTraversalExpr:
		return obj{"rel": expr(e.Source), "steps": traversal(e.Traversal)}
	case *hclsyntax.FunctionCallExpr:
		return obj{"call": e.Name, "args": exprs(e.Args), "expand": e.ExpandFinal}
	case *hclsyntax.ConditionalExpr:
		return obj{"cond": expr(e.Condition), "then": expr(e.TrueResult), "else": expr(e.FalseResult)}
	case *hclsyntax.BinaryOpExpr:
		return obj{"op": operator(e.Op), "lhs": expr(e.LHS), "rhs": expr(e.RHS)}
	case *hclsyntax.UnaryOpExpr:
		if lit, ok := e.Val.(*hclsyntax.LiteralValueExpr); ok && e.Op == hclsyntax.OpNegate && lit.Val.Type() == cty.Number {
			return value(lit.Val.Negate())
		}
		return obj{"unary": operator(e.Op), "val": expr(e.Val)}
	case *hclsyntax.ParenthesesExpr:
		return obj{"paren": expr(e.Expression)}
	case *hclsyntax.TupleConsExpr:
		return obj{"tuple": exprs(e.Exprs)}
	case *hclsyntax.ObjectConsExpr:
		items := []interface{}{}
		for _, item := range e.Items {
			items = append(items, []interface{}{key(item.KeyExpr), expr(item.ValueExpr)})
		}
		return obj{"object": items}
	case *hclsyntax.ForExpr:
		return obj{"for": obj{"key": e.KeyVar, "value": e.ValVar, "collection": expr(e.CollExpr),
			"keyExpr": optional(e.KeyExpr), "valueExpr": expr(e.ValExpr), "condition": optional(e.CondExpr),
			"group": e.Group}}
	case *hclsyntax.SplatExpr:
		return obj{"splat": expr(e.Source), "each": expr(e.Each)}
	case *hclsyntax.AnonSymbolExpr:
		return obj{"item": true}
	case *hclsyntax.IndexExpr:
		return obj{"index": expr(e.Collection), "key": expr(e.Key)}
	case *hclsyntax.ObjectConsKeyExpr:
		return key(e)
	default:
		return obj{"unknown": fmt.Sprintf("%T", e)}
	}
}

func key(e hclsyntax.Expression) interface{} {
	k := e.(*hclsyntax.ObjectConsKeyExpr)
	if t, ok := k.Wrapped.(*hclsyntax.ScopeTraversalExpr); ok && !k.ForceNonLiteral && len(t.Traversal) == 1 {
		return obj{"name": t.Traversal.RootName()}
	}
	return expr(k.Wrapped)
}

// A template of literal parts only is a string; consecutive literal parts are joined.
func template(parts []hclsyntax.Expression) interface{} {
	out := []interface{}{}
	var text strings.Builder
	pending := false
	for _, part := range parts {
		if lit, ok := part.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String {
			text.WriteString(lit.Val.AsString())
			pending = true
			continue
		}
		if pending {
			out = append(out, obj{"string": text.String()})
			text.Reset()
			pending = false
		}
		out = append(out, expr(part))
	}
	if len(out) == 0 {
		return obj{"string": text.String()}
	}
	if pending {
		out = append(out, obj{"string": text.String()})
	}
	return obj{"template": out}
}

// A traversal as a list: the root name (if any), then {"attr": name} and {"index": value} steps.
func traversal(t hcl.Traversal) []interface{} {
	out := []interface{}{}
	for _, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			out = append(out, s.Name)
		case hcl.TraverseAttr:
			out = append(out, obj{"attr": s.Name})
		case hcl.TraverseIndex:
			out = append(out, obj{"index": value(s.Key)})
		case hcl.TraverseSplat:
			out = append(out, obj{"splat": true})
		}
	}
	return out
}

func value(v cty.Value) interface{} {
	if !v.IsKnown() {
		return obj{"unknown": true}
	}
	if v.IsNull() {
		return obj{"null": true}
	}
	switch v.Type() {
	case cty.String:
		return obj{"string": v.AsString()}
	case cty.Number:
		return obj{"number": number(v.AsBigFloat())}
	case cty.Bool:
		return obj{"bool": v.True()}
	}
	return obj{"unknown": v.Type().FriendlyName()}
}

// A number as d.ddde+XX with the fewest digits that read back to the same value.
func number(f *big.Float) string {
	return f.Text('e', -1)
}

func operator(op *hclsyntax.Operation) string {
	switch op {
	case hclsyntax.OpLogicalOr:
		return "||"
	case hclsyntax.OpLogicalAnd:
		return "&&"
	case hclsyntax.OpLogicalNot:
		return "!"
	case hclsyntax.OpEqual:
		return "=="
	case hclsyntax.OpNotEqual:
		return "!="
	case hclsyntax.OpGreaterThan:
		return ">"
	case hclsyntax.OpGreaterThanOrEqual:
		return ">="
	case hclsyntax.OpLessThan:
		return "<"
	case hclsyntax.OpLessThanOrEqual:
		return "<="
	case hclsyntax.OpAdd:
		return "+"
	case hclsyntax.OpSubtract:
		return "-"
	case hclsyntax.OpMultiply:
		return "*"
	case hclsyntax.OpDivide:
		return "/"
	case hclsyntax.OpModulo:
		return "%"
	case hclsyntax.OpNegate:
		return "neg"
	}
	return "?"
}
